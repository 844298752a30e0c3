using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>One score of a company for a month by one model version, with its explanation.</summary>
public sealed class CompanyScore
{
    public long Id { get; set; }
    public Siren Siren { get; set; }
    public YearMonth Month { get; set; }
    public int ModelVersionId { get; set; }
    public required string ModelVersion { get; set; }
    public double Probability { get; set; }
    public double Margin { get; set; }
    /// <summary>The model's expected margin: baseline + theme contributions = margin.</summary>
    public double Baseline { get; set; }
    public RiskLevel Level { get; set; }
    /// <summary>Contributions in the order of <see cref="Explanations.Themes.All"/>.</summary>
    public required double[] Themes { get; set; }
    /// <summary>The top features (JSON array of <see cref="FeatureContribution"/>).</summary>
    public required string TopFeatures { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}

/// <summary>
/// A company's current place on the lists: its latest score's level, when it first reached a
/// list, and the labels the detection list filters on. Level changes are detected against it.
/// </summary>
public sealed class CompanyStanding
{
    public Siren Siren { get; set; }
    public YearMonth Month { get; set; }
    public RiskLevel Level { get; set; }
    public double? Probability { get; set; }
    public string? ModelVersion { get; set; }
    /// <summary>Why the company is not scored (outside the perimeter, already in a proceeding), if so.</summary>
    public string? NotScoredReason { get; set; }
    public YearMonth? FirstAlertMonth { get; set; }
    public RiskLevel PreviousLevel { get; set; }
    public string? Departement { get; set; }
    public string? Region { get; set; }
    public string? NafSection { get; set; }
    public string? NafCode { get; set; }
    public double? Headcount { get; set; }

    /// <summary>Latest known turnover (€, from the accounts of the panel's month).</summary>
    public double? Turnover { get; set; }
    public string? SizeClass { get; set; }
    public string? MainTheme { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The latest months of a company's indicators (the scored month and the three before it, for
/// "up from … three months ago"), so that rescoring after a promotion needs no other service.
/// </summary>
public sealed class IndicatorSnapshot
{
    public Siren Siren { get; set; }
    public YearMonth Month { get; set; }
    public long Revision { get; set; }
    /// <summary>Values in the order of the layout's names; NaN = missing.</summary>
    public required float[] Values { get; set; }
    public required string Layout { get; set; }
    public string? Departement { get; set; }
    public string? Region { get; set; }
    public string? NafCode { get; set; }
    public string? NafSection { get; set; }
}

/// <summary>The indicator names a snapshot's values follow, stored once per distinct list.</summary>
public sealed class IndicatorLayout
{
    public required string Id { get; set; }
    public required List<string> Names { get; set; }
}
