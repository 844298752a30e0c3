namespace SignauxFaibles.Modeling.Monitoring;

/// <summary>
/// Population stability index of a live distribution against the training one, over the same
/// bins: Σ (live − training) × ln(live / training). Under 0.1 the population has not moved, 0.1
/// to 0.25 it has moved a little, above 0.25 the model scores rows unlike the ones it learnt from
/// (the usual reading in credit scoring). An empty bin counts as a share of 0.0001, not zero,
/// or one value outside the training range would make the index infinite.
/// </summary>
public static class PopulationStability
{
    public const double Floor = 0.0001;

    /// <summary>The index; null when either side has no present value or the bins differ.</summary>
    public static double? Index(IReadOnlyList<double> training, BinnedValues live)
    {
        if (live.Present == 0 || training.Count == 0 || training.Count != live.Shares.Length) return null;
        var index = 0.0;
        for (var b = 0; b < training.Count; b++)
        {
            var (expected, actual) = (Math.Max(training[b], Floor), Math.Max(live.Shares[b], Floor));
            index += (actual - expected) * Math.Log(actual / expected);
        }
        return Math.Round(index, 6);
    }
}
