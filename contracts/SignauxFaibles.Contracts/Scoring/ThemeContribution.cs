namespace SignauxFaibles.Contracts.Scoring;

/// <summary>Sum of the feature contributions of one theme (financial health, social-contribution debt, ...).</summary>
public sealed record ThemeContribution(string Theme, double Contribution);
