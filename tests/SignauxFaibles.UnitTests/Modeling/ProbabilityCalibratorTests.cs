using SignauxFaibles.Modeling.Metrics;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class ProbabilityCalibratorTests
{
    [Fact]
    public void Recovers_the_curve_the_labels_were_drawn_from()
    {
        // Labels drawn with p = sigmoid(2·margin − 3): the fit must find A ≈ 2 and B ≈ −3.
        var random = new Random(11);
        var margins = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() * 6 - 2).ToArray();
        var labels = margins.Select(m => random.NextDouble() < 1 / (1 + Math.Exp(-(2 * m - 3)))).ToArray();
        var calibrator = ProbabilityCalibrator.Fit(margins, labels);
        Assert.InRange(calibrator.A, 1.85, 2.15);
        Assert.InRange(calibrator.B, -3.2, -2.8);
        var bins = CalibrationBins.Quantiles(margins.Select(calibrator.Probability).ToArray(), labels);
        Assert.All(bins, b => Assert.InRange(b.ObservedRate - b.MeanPredicted, -0.04, 0.04));
    }

    [Fact]
    public void Separated_scores_keep_a_finite_slope()
    {
        var calibrator = ProbabilityCalibrator.Fit([-2, -1, 1, 2], [false, false, true, true]);
        Assert.True(double.IsFinite(calibrator.A) && calibrator.A > 0);
        Assert.InRange(calibrator.Probability(2), 0.5, 1.0 - 1e-6);
    }
}
