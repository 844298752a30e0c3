using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Scoring.Lists;

/// <summary>
/// The detection list of one month as it was published: which model and thresholds made it, when
/// and by whom. Frozen: a later promotion, rescore or correction never changes it.
/// </summary>
public sealed class PublishedList
{
    public YearMonth Month { get; set; }
    public required string ModelVersion { get; set; }
    public double RedThreshold { get; set; }
    public double OrangeThreshold { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public int Red { get; set; }
    public int Orange { get; set; }
}

/// <summary>A company on a published list, with its level, probability, place and the reasons officers read then.</summary>
public sealed class PublishedListEntry
{
    public YearMonth Month { get; set; }
    public Siren Siren { get; set; }
    public RiskLevel Level { get; set; }
    public double Probability { get; set; }
    public required string ModelVersion { get; set; }
    public string? MainTheme { get; set; }
    public string? Departement { get; set; }
    public string? Region { get; set; }
    public string? NafSection { get; set; }
    /// <summary>The top features of the score (JSON array of <see cref="FeatureContribution"/>), values filtered by rights when read.</summary>
    public required string TopFeatures { get; set; }
}
