using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Scoring;

/// <summary>A company moved to another alert level (up or down); small moves within a level are not published.</summary>
public sealed record RiskLevelChanged(
    Siren Siren,
    YearMonth Month,
    RiskLevel PreviousLevel,
    RiskLevel Level,
    double Probability,
    string ModelVersion,
    IReadOnlyList<ThemeContribution> Themes,
    IReadOnlyList<FeatureContribution> TopFeatures,
    DateTimeOffset ChangedAt);
