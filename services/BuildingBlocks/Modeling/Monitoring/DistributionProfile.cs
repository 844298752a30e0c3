using System.Text.Json.Serialization;

namespace SignauxFaibles.Modeling.Monitoring;

/// <summary>
/// How one quantity (a feature, or the calibrated probability) was spread over the training rows:
/// the cut points of its deciles, the share of present values in each bin and the share missing.
/// A value's bin is the number of cut points at or below it, as PostgreSQL's
/// <c>width_bucket(value, cuts)</c> counts, so the database can bin stored scores the same way.
/// Cuts are distinct: a feature with few values (a flag, a one-hot label) gets fewer bins.
/// </summary>
public sealed record DistributionProfile(double[] Cuts, double[] Shares, double Missing)
{
    public const int Deciles = 10;

    /// <summary>The profile of <paramref name="values"/> (NaN = missing).</summary>
    public static DistributionProfile Of(IEnumerable<double> values)
    {
        var all = values.ToList();
        var present = all.Where(v => !double.IsNaN(v)).Order().ToArray();
        var missing = all.Count == 0 ? 0 : Math.Round((double)(all.Count - present.Length) / all.Count, 4);
        if (present.Length == 0) return new DistributionProfile([], [], missing);
        var cuts = Enumerable.Range(1, Deciles - 1).Select(q => present[q * present.Length / Deciles]).Distinct().ToArray();
        var profile = new DistributionProfile(cuts, [], missing);
        return profile with { Shares = profile.Measure(present).Shares };
    }

    [JsonIgnore]
    public int Bins => Cuts.Length + 1;

    public int BinOf(double value)
    {
        // Count of cuts <= value: the first cut above the value.
        var (low, high) = (0, Cuts.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Cuts[mid] <= value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The shares of <paramref name="values"/> in this profile's bins (present values only), and the share missing.</summary>
    public BinnedValues Measure(IEnumerable<double> values)
    {
        var counts = new long[Bins];
        var (present, missing) = (0L, 0L);
        foreach (var value in values)
        {
            if (double.IsNaN(value)) { missing++; continue; }
            counts[BinOf(value)]++;
            present++;
        }
        return BinnedValues.From(counts, missing);
    }
}

/// <summary>Values spread over a profile's bins: the share of present values in each, and the share missing.</summary>
public sealed record BinnedValues(double[] Shares, double Missing, long Present)
{
    public static BinnedValues From(IReadOnlyList<long> counts, long missing)
    {
        var present = counts.Sum();
        var total = present + missing;
        return new BinnedValues(counts.Select(c => present == 0 ? 0 : Math.Round((double)c / present, 6)).ToArray(),
            total == 0 ? 0 : Math.Round((double)missing / total, 6), present);
    }
}
