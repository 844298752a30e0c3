namespace SignauxFaibles.Contracts.Scoring;

/// <summary>Contribution of one feature to a score, with its value and an officer-readable sentence.</summary>
public sealed record FeatureContribution(string Feature, string Theme, double? Value, double Contribution, string Explanation);
