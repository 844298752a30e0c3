namespace SignauxFaibles.Modeling.Metrics;

/// <summary>A point of a ROC or precision–recall curve.</summary>
public readonly record struct CurvePoint(double X, double Y, double Threshold);

/// <summary>
/// Threshold-free measures of how well scores rank positives above negatives. Tied scores are
/// treated as one threshold step (a tie counts half in the ROC AUC), so the figures do not depend
/// on the order of the rows.
/// </summary>
public static class Ranking
{
    /// <summary>Area under the ROC curve: the probability that a random positive outscores a random negative (ties count ½).</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, negatives) = Counts(labels);
        var order = SortedDescending(scores);
        double area = 0, negativesAbove = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = TieEnd(order, scores, start);
            double tiedPositives = 0, tiedNegatives = 0;
            for (var k = start; k < end; k++)
                if (labels[order[k]]) tiedPositives++; else tiedNegatives++;
            // Each positive beats the negatives below it: all negatives not yet seen, minus half the ties.
            area += tiedPositives * (negatives - negativesAbove - tiedNegatives / 2);
            negativesAbove += tiedNegatives;
            start = end;
        }
        return area / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision (the step-wise area under the precision–recall curve): the mean, over
    /// thresholds, of precision weighted by the recall gained at that threshold.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, _) = Counts(labels);
        var order = SortedDescending(scores);
        double sum = 0, truePositives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = TieEnd(order, scores, start);
            double tiedPositives = 0;
            for (var k = start; k < end; k++) if (labels[order[k]]) tiedPositives++;
            truePositives += tiedPositives;
            sum += tiedPositives / positives * (truePositives / end);
            start = end;
        }
        return sum;
    }

    /// <summary>The ROC curve (X = false-positive rate, Y = recall), one point per distinct score, from (0,0) to (1,1).</summary>
    public static IReadOnlyList<CurvePoint> RocCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, negatives) = Counts(labels);
        var order = SortedDescending(scores);
        var points = new List<CurvePoint> { new(0, 0, double.PositiveInfinity) };
        double tp = 0, fp = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = TieEnd(order, scores, start);
            for (var k = start; k < end; k++) if (labels[order[k]]) tp++; else fp++;
            points.Add(new(fp / negatives, tp / positives, scores[order[start]]));
            start = end;
        }
        return points;
    }

    /// <summary>The precision–recall curve (X = recall, Y = precision), one point per distinct score.</summary>
    public static IReadOnlyList<CurvePoint> PrecisionRecallCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, _) = Counts(labels);
        var order = SortedDescending(scores);
        var points = new List<CurvePoint>();
        double tp = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = TieEnd(order, scores, start);
            for (var k = start; k < end; k++) if (labels[order[k]]) tp++;
            points.Add(new(tp / positives, tp / end, scores[order[start]]));
            start = end;
        }
        return points;
    }

    internal static int[] SortedDescending(IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        return order;
    }

    internal static int TieEnd(int[] order, IReadOnlyList<double> scores, int start)
    {
        var end = start + 1;
        while (end < order.Length && scores[order[end]] == scores[order[start]]) end++;
        return end;
    }

    internal static (long Positives, long Negatives) Counts(IReadOnlyList<bool> labels)
    {
        long positives = labels.Count(l => l);
        long negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException($"Ranking measures need both classes ({positives} positives, {negatives} negatives).");
        return (positives, negatives);
    }
}
