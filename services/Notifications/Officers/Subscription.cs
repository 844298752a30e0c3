using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>
/// Which changes in an officer's zone the officer wants to hear about. Set by the officer through
/// the API; a roster re-import never touches it. The defaults alert on every move of the lists.
/// </summary>
public sealed class Subscription
{
    /// <summary>Lists followed: a change is wanted when it enters or leaves one of them.</summary>
    public List<RiskLevel> Levels { get; set; } = [RiskLevel.Moderate, RiskLevel.High];

    /// <summary>Moves to a higher level (None → orange, orange → red, None → red).</summary>
    public bool Worsening { get; set; } = true;

    /// <summary>Moves down while still listed (red → orange).</summary>
    public bool Improving { get; set; } = true;

    /// <summary>Positive dynamics: a company leaving the lists altogether (→ None).</summary>
    public bool LeavingLists { get; set; } = true;

    /// <summary>NAF codes at any level (section letter "C", division "25", "25.62A"); empty means every sector.</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>Sirene size categories (PME, ETI, GE); empty means every size.</summary>
    public List<string> SizeCategories { get; set; } = [];
}
