namespace SignauxFaibles.Modeling.Splits;

/// <summary>
/// The honest split of a company panel (model.md): train on older months, test on later ones,
/// and no company on both sides — otherwise the model would be scored on firms and periods it
/// has already seen. Companies are assigned to a side by a hash of their SIREN, so the split is
/// stable across runs and panels.
/// </summary>
public static class PanelSplit
{
    /// <param name="groups">Company identifier (SIREN) per row.</param>
    /// <param name="times">Month index per row.</param>
    /// <param name="firstTestTime">Rows at or after this month can only be test rows; rows before it only training rows.</param>
    /// <param name="testCompanyShare">Share of companies reserved for the test side.</param>
    public static Split ByTimeAndCompany(IReadOnlyList<string> groups, IReadOnlyList<int> times, int firstTestTime, double testCompanyShare, int seed)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (var i = 0; i < groups.Count; i++)
        {
            var testCompany = IsTestCompany(groups[i], testCompanyShare, seed);
            if (times[i] >= firstTestTime && testCompany) test.Add(i);
            else if (times[i] < firstTestTime && !testCompany) train.Add(i);
        }
        return new(train.ToArray(), test.ToArray());
    }

    /// <summary>
    /// Splits rows by company only (time untouched): the inner validation split used to choose
    /// hyper-parameters and fit the calibration inside the training side.
    /// </summary>
    public static Split ByCompany(IReadOnlyList<string> groups, double testCompanyShare, int seed)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (var i = 0; i < groups.Count; i++) (IsTestCompany(groups[i], testCompanyShare, seed) ? test : train).Add(i);
        return new(train.ToArray(), test.ToArray());
    }

    /// <summary>k folds of whole companies: every row of a company falls in the same fold.</summary>
    public static IReadOnlyList<Split> GroupedKFold(IReadOnlyList<string> groups, int k, int seed)
    {
        var folds = groups.Select(g => (int)(Hash(g, seed) % (uint)k)).ToArray();
        return Enumerable.Range(0, k).Select(f => new Split(
            Enumerable.Range(0, groups.Count).Where(i => folds[i] != f).ToArray(),
            Enumerable.Range(0, groups.Count).Where(i => folds[i] == f).ToArray())).ToArray();
    }

    /// <summary>A stable pseudo-random draw from the SIREN and seed (FNV-1a), not string.GetHashCode which changes per process.</summary>
    public static bool IsTestCompany(string group, double share, int seed) => Hash(group, seed) / (double)uint.MaxValue < share;

    private static uint Hash(string group, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in group) hash = (hash ^ c) * 16777619u;
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return hash;
    }
}
