using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Modeling.Monitoring;

namespace SignauxFaibles.Scoring.Monitoring;

/// <summary>Stored scores counted by month, région, level and band of the training score profile (the database groups them).</summary>
public sealed record ScoreCell(YearMonth Month, string Region, RiskLevel Level, int Band, long Companies);

/// <summary>
/// One month of scores: companies by région and level, the spread of their probabilities over
/// the training deciles (10 % each when the month looks like training) and its stability index.
/// </summary>
public sealed record MonthScores(YearMonth Month, IReadOnlyDictionary<(string Region, RiskLevel Level), long> Companies, BinnedValues? Bands, double? StabilityIndex)
{
    public long Alerted(string region) =>
        Companies.GetValueOrDefault((region, RiskLevel.High)) + Companies.GetValueOrDefault((region, RiskLevel.Moderate));

    /// <summary>Months in order, each summed from its cells; the bands only with the active model's score profile.</summary>
    public static IReadOnlyList<MonthScores> Of(IEnumerable<ScoreCell> cells, DistributionProfile? scores)
    {
        return cells.GroupBy(c => c.Month).OrderBy(g => g.Key).Select(month =>
        {
            var companies = month.GroupBy(c => (c.Region, c.Level)).ToDictionary(g => g.Key, g => g.Sum(c => c.Companies));
            if (scores is null) return new MonthScores(month.Key, companies, null, null);
            var counts = new long[scores.Bins];
            foreach (var cell in month) counts[Math.Clamp(cell.Band, 0, counts.Length - 1)] += cell.Companies;
            var bands = BinnedValues.From(counts, 0);
            return new MonthScores(month.Key, companies, bands, PopulationStability.Index(scores.Shares, bands));
        }).ToArray();
    }
}

/// <summary>A région's alerted companies (red or orange) in the latest scored month and the one before.</summary>
public sealed record RegionAlerts(string Region, long Latest, long Previous)
{
    public static IReadOnlyList<RegionAlerts> Of(IReadOnlyList<MonthScores> months)
    {
        if (months.Count == 0) return [];
        var latest = months[^1];
        var previous = months.FirstOrDefault(m => m.Month == latest.Month.AddMonths(-1));
        return latest.Companies.Keys.Select(k => k.Region).Concat(previous?.Companies.Keys.Select(k => k.Region) ?? [])
            .Distinct().Order(StringComparer.Ordinal)
            .Select(region => new RegionAlerts(region, latest.Alerted(region), previous?.Alerted(region) ?? 0)).ToArray();
    }
}
