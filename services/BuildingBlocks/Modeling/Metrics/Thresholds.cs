namespace SignauxFaibles.Modeling.Metrics;

/// <summary>What an alert threshold yields: the examples at or above it, and how many of them are right.</summary>
public sealed record ThresholdOutcome(double Threshold, int Flagged, int TruePositives, int Positives)
{
    public double Precision => Flagged == 0 ? 0 : (double)TruePositives / Flagged;
    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;

    /// <summary>F-beta: beta &lt; 1 weighs precision more (red list), beta &gt; 1 recall more (orange list).</summary>
    public double FBeta(double beta)
    {
        var (p, r, b2) = (Precision, Recall, beta * beta);
        return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
    }
}

/// <summary>The alert thresholds of model.md: red maximises F0.5, orange maximises F2.</summary>
public static class Thresholds
{
    public const double RedBeta = 0.5;
    public const double OrangeBeta = 2;

    /// <summary>Counts at one threshold (score ≥ threshold is flagged).</summary>
    public static ThresholdOutcome At(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        int flagged = 0, truePositives = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] < threshold) continue;
            flagged++;
            if (labels[i]) truePositives++;
        }
        return new(threshold, flagged, truePositives, labels.Count(l => l));
    }

    /// <summary>
    /// The threshold, among the distinct scores, that maximises F-beta. Ties in F-beta keep the
    /// higher threshold (fewer alerts for the same quality).
    /// </summary>
    public static ThresholdOutcome MaximiseFBeta(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double beta)
    {
        var positives = labels.Count(l => l);
        if (positives == 0) throw new ArgumentException("Choosing a threshold needs at least one positive example.");
        var order = Ranking.SortedDescending(scores);
        ThresholdOutcome? best = null;
        var bestF = -1.0;
        int truePositives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = Ranking.TieEnd(order, scores, start);
            for (var k = start; k < end; k++) if (labels[order[k]]) truePositives++;
            var outcome = new ThresholdOutcome(scores[order[start]], end, truePositives, positives);
            var f = outcome.FBeta(beta);
            if (f > bestF) (best, bestF) = (outcome, f);
            start = end;
        }
        return best!;
    }
}
