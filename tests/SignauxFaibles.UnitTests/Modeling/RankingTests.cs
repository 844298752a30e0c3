using SignauxFaibles.Modeling.Metrics;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class RankingTests
{
    [Fact]
    public void Roc_auc_counts_the_pairs_a_positive_wins()
    {
        // Positives at 0.9 and 0.7; negatives at 0.8, 0.6, 0.5. The 0.9 positive beats the three
        // negatives, the 0.7 positive beats two: 5 of 6 pairs.
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.5];
        bool[] labels = [true, false, true, false, false];
        Assert.Equal(5.0 / 6, Ranking.RocAuc(scores, labels), 12);
    }

    [Fact]
    public void A_tie_between_a_positive_and_a_negative_counts_half()
    {
        // 0.9 beats both negatives (2); the 0.7 positive ties the 0.7 negative (½) and beats 0.2 (1): 3.5 of 4.
        double[] scores = [0.9, 0.7, 0.7, 0.2];
        bool[] labels = [true, true, false, false];
        Assert.Equal(0.875, Ranking.RocAuc(scores, labels), 12);
        Assert.Equal(0.875, Ranking.RocAuc([0.7, 0.9, 0.2, 0.7], [false, true, false, true]), 12);
    }

    [Fact]
    public void Perfect_and_reversed_rankings_give_one_and_zero()
    {
        bool[] labels = [true, true, false, false];
        Assert.Equal(1.0, Ranking.RocAuc([4, 3, 2, 1], labels));
        Assert.Equal(0.0, Ranking.RocAuc([1, 2, 3, 4], labels));
        Assert.Equal(1.0, Ranking.AveragePrecision([4, 3, 2, 1], labels));
    }

    [Fact]
    public void Average_precision_averages_precision_at_each_positive()
    {
        // Positives ranked 1st (precision 1) and 3rd (precision 2/3): (1 + 2/3) / 2.
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.5];
        bool[] labels = [true, false, true, false, false];
        Assert.Equal((1 + 2.0 / 3) / 2, Ranking.AveragePrecision(scores, labels), 12);
    }

    [Fact]
    public void Roc_curve_runs_from_origin_to_one_one()
    {
        var curve = Ranking.RocCurve([0.9, 0.8, 0.7, 0.6, 0.5], [true, false, true, false, false]);
        Assert.Equal((0.0, 0.0), (curve[0].X, curve[0].Y));
        Assert.Equal((1.0, 1.0), (curve[^1].X, curve[^1].Y));
        Assert.Equal((0.0, 0.5), (curve[1].X, curve[1].Y));
    }

    [Fact]
    public void A_single_class_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Ranking.RocAuc([0.1, 0.2], [false, false]));
    }
}
