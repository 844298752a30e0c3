namespace SignauxFaibles.Modeling.Splits;

/// <summary>A training part and an evaluation part, as row indices into one table.</summary>
public sealed record Split(int[] Train, int[] Test);

/// <summary>
/// Splits that keep the share of positives equal on every side: with 4 % positives a plain
/// random fold could hold a handful of them and give an erratic AUC.
/// </summary>
public static class Stratified
{
    /// <summary>Fold number (0..k-1) of every row: each class is shuffled with the seed then dealt round-robin.</summary>
    public static int[] FoldOf(IReadOnlyList<bool> labels, int k, int seed)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, "At least two folds.");
        var folds = new int[labels.Count];
        var random = new Random(seed);
        var next = 0;
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            random.Shuffle(members);
            // Continue the round-robin where the other class stopped, so fold sizes differ by one at most.
            foreach (var i in members) folds[i] = next++ % k;
        }
        return folds;
    }

    /// <summary>The k splits of k-fold cross-validation.</summary>
    public static IReadOnlyList<Split> KFold(IReadOnlyList<bool> labels, int k, int seed)
    {
        var folds = FoldOf(labels, k, seed);
        return Enumerable.Range(0, k).Select(f => new Split(
            Enumerable.Range(0, labels.Count).Where(i => folds[i] != f).ToArray(),
            Enumerable.Range(0, labels.Count).Where(i => folds[i] == f).ToArray())).ToArray();
    }

    /// <summary>A single stratified split with about <paramref name="testShare"/> of each class on the test side.</summary>
    public static Split HoldOut(IReadOnlyList<bool> labels, double testShare, int seed)
    {
        if (testShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testShare), testShare, "Between 0 and 1.");
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            random.Shuffle(members);
            var testCount = (int)Math.Round(members.Length * testShare);
            test.AddRange(members[..testCount]);
            train.AddRange(members[testCount..]);
        }
        train.Sort();
        test.Sort();
        return new(train.ToArray(), test.ToArray());
    }
}
