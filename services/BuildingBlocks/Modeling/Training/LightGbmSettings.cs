using System.Globalization;

namespace SignauxFaibles.Modeling.Training;

/// <summary>
/// The boosting hyper-parameters we tune. Small learning rates with many trees, row and column
/// subsampling, and leaves that need a few examples generalise best on a few thousand rows
/// with a rare positive class.
/// </summary>
public sealed record LightGbmSettings
{
    public int Trees { get; init; } = 500;
    public double LearningRate { get; init; } = 0.03;
    public int Leaves { get; init; } = 15;
    public int MinExamplesPerLeaf { get; init; } = 10;
    public double FeatureFraction { get; init; } = 0.5;
    public double RowFraction { get; init; } = 0.8;
    public double L2 { get; init; } = 1;
    /// <summary>Weight of a positive example relative to a negative one: with 4 % positives, a weight above 1 lets the rare class shape more splits.</summary>
    public double PositiveWeight { get; init; } = 1;
    /// <summary>Least sum of hessians in a leaf; with rare positives the default 0.1 still lets leaves fit a couple of them.</summary>
    public double MinChildWeight { get; init; } = 0.1;
    /// <summary>Seeds of the averaged models (bagging and feature draws differ per seed).</summary>
    public int Seeds { get; init; } = 1;
    public int Threads { get; init; } = 1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"trees {Trees}, rate {LearningRate}, leaves {Leaves}, min leaf {MinExamplesPerLeaf}, features {FeatureFraction}, rows {RowFraction}, L2 {L2}, positive weight {PositiveWeight}, min child weight {MinChildWeight}, seeds {Seeds}");
}
