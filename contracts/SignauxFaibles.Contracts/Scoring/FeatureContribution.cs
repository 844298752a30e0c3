namespace SignauxFaibles.Contracts.Scoring;

/// <summary>Contribution of one feature to a score, with its value and an officer-readable sentence.</summary>
/// <param name="Contribution">On the model's margin (log-odds) scale.</param>
/// <param name="ProbabilityPoints">The same contribution in points of probability, when the reader computed it.</param>
public sealed record FeatureContribution(string Feature, string Theme, double? Value, double Contribution, string Explanation, double? ProbabilityPoints = null);
