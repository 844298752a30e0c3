using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>Which way a company moved between the lists.</summary>
public enum ChangeDirection
{
    /// <summary>To a higher level: None → orange, orange → red, None → red.</summary>
    Worsening,

    /// <summary>Down but still listed: red → orange.</summary>
    Improving,

    /// <summary>Off the lists: a positive dynamic.</summary>
    LeavingLists,
}

public static class ChangeDirections
{
    public static ChangeDirection Of(RiskLevel previous, RiskLevel level) =>
        level > previous ? ChangeDirection.Worsening
        : level == RiskLevel.None ? ChangeDirection.LeavingLists
        : ChangeDirection.Improving;
}
