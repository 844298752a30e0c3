namespace SignauxFaibles.Contracts.Scoring;

/// <summary>Sum of the feature contributions of one theme (financial health, social-contribution debt, ...).</summary>
/// <param name="Contribution">On the model's margin (log-odds) scale.</param>
/// <param name="ProbabilityPoints">The same contribution in points of probability (0.032 = +3.2 points), when the reader computed it.</param>
public sealed record ThemeContribution(string Theme, double Contribution, double? ProbabilityPoints = null);
