namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// A margin taken apart: <see cref="Baseline"/> (the model's expected margin over its reference
/// population) plus one contribution per input feature adds up to <see cref="Margin"/>.
/// Contributions of derived columns are handed back to the features they are made of (half to
/// each), and the missing-values count to <see cref="MissingValues"/>.
/// </summary>
public sealed record MarginExplanation(double Margin, double Baseline, IReadOnlyList<double> Contributions, double MissingValues);
