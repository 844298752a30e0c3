using SignauxFaibles.Modeling.Splits;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class StratifiedTests
{
    // Positives first: a split that ignored the labels and cut by position would fail every test below.
    private static bool[] Labels(int positives, int negatives) =>
        Enumerable.Range(0, positives + negatives).Select(i => i < positives).ToArray();

    [Fact]
    public void Every_fold_gets_its_share_of_positives_and_rows()
    {
        var labels = Labels(27, 673);
        Assert.Equal(27, labels.Count(l => l));
        var folds = Stratified.FoldOf(labels, 10, seed: 5);
        for (var f = 0; f < 10; f++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => folds[i] == f).ToArray();
            Assert.InRange(members.Count(i => labels[i]), 2, 3);
            Assert.InRange(members.Length, 70, 70);
        }
    }

    [Fact]
    public void Folds_partition_the_rows_and_depend_only_on_the_seed()
    {
        var labels = Labels(30, 270);
        var splits = Stratified.KFold(labels, 5, seed: 3);
        Assert.Equal(Enumerable.Range(0, 300), splits.SelectMany(s => s.Test).Order());
        Assert.All(splits, s => Assert.Empty(s.Train.Intersect(s.Test)));
        Assert.Equal(Stratified.FoldOf(labels, 5, 3), Stratified.FoldOf(labels, 5, 3));
        Assert.NotEqual(Stratified.FoldOf(labels, 5, 3), Stratified.FoldOf(labels, 5, 4));
    }

    [Fact]
    public void Hold_out_keeps_the_class_shares()
    {
        var labels = Labels(40, 360);
        var split = Stratified.HoldOut(labels, 0.25, seed: 1);
        Assert.Equal(10, split.Test.Count(i => labels[i]));
        Assert.Equal(100, split.Test.Length);
        Assert.Equal(300, split.Train.Length);
    }

    [Fact]
    public void Panel_split_puts_no_company_on_both_sides_and_respects_time()
    {
        var groups = Enumerable.Range(0, 200).SelectMany(c => Enumerable.Repeat($"{100000000 + c}", 10)).ToArray();
        var times = Enumerable.Range(0, 2000).Select(i => i % 10).ToArray();
        var split = PanelSplit.ByTimeAndCompany(groups, times, firstTestTime: 7, testCompanyShare: 0.3, seed: 1);
        Assert.Empty(split.Train.Select(i => groups[i]).Intersect(split.Test.Select(i => groups[i])));
        Assert.All(split.Train, i => Assert.True(times[i] < 7));
        Assert.All(split.Test, i => Assert.True(times[i] >= 7));
        var testCompanies = split.Test.Select(i => groups[i]).Distinct().Count();
        Assert.InRange(testCompanies, 40, 80);
    }
}
