namespace SignauxFaibles.Modeling.Metrics;

/// <summary>One bin of a reliability diagram: the mean predicted probability against the observed rate.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double MeanPredicted, double ObservedRate);

/// <summary>Reliability of probabilities: are 10 % risks right one time in ten?</summary>
public static class CalibrationBins
{
    /// <summary>
    /// Bins of equal count (quantiles of the predicted probability), so that the rare high-risk
    /// scores still get bins of their own size rather than a few nearly empty equal-width bins.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Quantiles(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var result = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            var (from, to) = (order.Length * b / bins, order.Length * (b + 1) / bins);
            if (to <= from) continue;
            var slice = order[from..to];
            result.Add(new(probabilities[slice[0]], probabilities[slice[^1]], slice.Length,
                slice.Average(i => probabilities[i]), slice.Count(i => labels[i]) / (double)slice.Length));
        }
        return result;
    }

    /// <summary>Brier score: the mean squared error of the probabilities (lower is better).</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        probabilities.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();
}
