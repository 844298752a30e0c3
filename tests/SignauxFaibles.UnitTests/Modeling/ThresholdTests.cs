using SignauxFaibles.Modeling.Metrics;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class ThresholdTests
{
    // Four positives among seven. Worked by hand, flagged = score ≥ threshold:
    //   0.9: P 1,    R .25 → F0.5 .625,  F2 .294
    //   0.8: P 1,    R .50 → F0.5 .833,  F2 .556
    //   0.6: P .75,  R .75 → F0.5 .750,  F2 .750
    //   0.3: P 4/7,  R 1   → F0.5 .625,  F2 .870
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];
    private static readonly bool[] Labels = [true, true, false, true, false, false, true];

    [Fact]
    public void Red_threshold_maximises_f_half()
    {
        var red = Thresholds.MaximiseFBeta(Scores, Labels, Thresholds.RedBeta);
        Assert.Equal(0.8, red.Threshold);
        Assert.Equal((2, 2), (red.Flagged, red.TruePositives));
        Assert.Equal(0.625 / 0.75, red.FBeta(0.5), 12);
    }

    [Fact]
    public void Orange_threshold_maximises_f_two()
    {
        var orange = Thresholds.MaximiseFBeta(Scores, Labels, Thresholds.OrangeBeta);
        Assert.Equal(0.3, orange.Threshold);
        Assert.Equal((7, 4), (orange.Flagged, orange.TruePositives));
        Assert.Equal(5 * (4.0 / 7) / (4 * (4.0 / 7) + 1), orange.FBeta(2), 12);
    }

    [Fact]
    public void Counts_at_a_threshold_include_scores_equal_to_it()
    {
        var outcome = Thresholds.At(Scores, Labels, 0.6);
        Assert.Equal((4, 3, 4), (outcome.Flagged, outcome.TruePositives, outcome.Positives));
        Assert.Equal(0.75, outcome.Precision);
        Assert.Equal(0.75, outcome.Recall);
    }

    [Fact]
    public void Tied_scores_are_one_threshold()
    {
        // The two 0.8 scores cannot be separated: flagging one flags both.
        var red = Thresholds.MaximiseFBeta([0.9, 0.8, 0.8, 0.1], [true, true, false, false], Thresholds.RedBeta);
        Assert.Equal(0.9, red.Threshold);
    }
}
