namespace SignauxFaibles.Modeling.Training;

/// <summary>
/// Turns margins into probabilities with a logistic curve p = 1 / (1 + e^-(A·margin + B)),
/// fitted on a validation split (never on the training rows, whose margins are over-confident,
/// nor on the test rows). Two parameters are enough with a few hundred positives, where an
/// isotonic fit would overfit the rare high scores; the curve is monotone, so rankings and
/// AUCs are unchanged.
/// </summary>
public sealed record ProbabilityCalibrator(double A, double B)
{
    public double Probability(double margin) => 1 / (1 + Math.Exp(-(A * margin + B)));

    /// <summary>
    /// Newton–Raphson on the log-loss with a backtracking line search (a full Newton step can
    /// overshoot and diverge on well-separated margins), and Platt's smoothed targets
    /// (n₊+1)/(n₊+2) and 1/(n₋+2) so that perfectly separated validation scores keep a finite slope.
    /// </summary>
    public static ProbabilityCalibrator Fit(IReadOnlyList<double> margins, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) throw new ArgumentException("Calibration needs both classes in the validation split.");
        var targets = labels.Select(l => l ? (positives + 1.0) / (positives + 2.0) : 1.0 / (negatives + 2.0)).ToArray();
        double a = 0, b = Math.Log((positives + 1.0) / (negatives + 1.0));
        var loss = Loss(margins, targets, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (var i = 0; i < margins.Count; i++)
            {
                var p = Sigmoid(a * margins[i] + b);
                var (error, weight) = (p - targets[i], p * (1 - p));
                ga += error * margins[i];
                gb += error;
                haa += weight * margins[i] * margins[i];
                hab += weight * margins[i];
                hbb += weight;
            }
            var determinant = haa * hbb - hab * hab;
            if (determinant <= 0) break;
            var (da, db) = ((hbb * ga - hab * gb) / determinant, (haa * gb - hab * ga) / determinant);
            var step = 1.0;
            while (step > 1e-8 && Loss(margins, targets, a - step * da, b - step * db) > loss) step /= 2;
            if (step <= 1e-8) break;
            (a, b) = (a - step * da, b - step * db);
            var previous = loss;
            loss = Loss(margins, targets, a, b);
            if (previous - loss < 1e-10 * Math.Max(1, previous)) break;
        }
        return new ProbabilityCalibrator(a, b);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Cross-entropy against soft targets, written with log1p(e^-|z|) so large margins do not overflow.</summary>
    private static double Loss(IReadOnlyList<double> margins, double[] targets, double a, double b)
    {
        double total = 0;
        for (var i = 0; i < margins.Count; i++)
        {
            var z = a * margins[i] + b;
            var logOnePlusExp = Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            total += logOnePlusExp - targets[i] * z;
        }
        return total;
    }
}
