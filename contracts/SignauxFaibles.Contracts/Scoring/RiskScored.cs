using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Scoring;

/// <summary>A company was scored for a month by a given model version.</summary>
public sealed record RiskScored(
    Siren Siren,
    YearMonth Month,
    double Probability,
    RiskLevel Level,
    string ModelVersion,
    IReadOnlyList<ThemeContribution> Themes,
    IReadOnlyList<FeatureContribution> TopFeatures,
    DateTimeOffset ScoredAt);
