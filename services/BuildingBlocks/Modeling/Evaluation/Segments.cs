using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Metrics;

namespace SignauxFaibles.Modeling.Evaluation;

/// <summary>Test figures of one group of companies (a size class, a sector).</summary>
public sealed record SegmentFigures(string Segment, int Rows, int Positives, double? RocAuc, double? PrAuc, ThresholdOutcome Red, ThresholdOutcome Orange);

/// <summary>How early the red list named the companies that went into a proceeding during the test period.</summary>
/// <param name="Companies">Test companies whose proceeding opened within the panel after their first test month.</param>
/// <param name="Caught">Those flagged red at least once before their proceeding.</param>
/// <param name="MedianMonths">Median months between the first red flag and the proceeding, over the caught ones.</param>
public sealed record LeadTime(int Companies, int Caught, double? MedianMonths, double? MeanMonths);

/// <summary>Breakdowns of a model's test figures that officers ask about: by company size, by sector, and lead time.</summary>
public static class Segments
{
    public static readonly (string Name, double Below)[] SizeClasses = [("micro (< 10)", 10), ("PME (10–249)", 250), ("ETI (250–4 999)", 5000), ("GE (≥ 5 000)", double.PositiveInfinity)];

    /// <summary>By company headcount (<c>effectif_ent</c>); rows without a headcount form their own group.</summary>
    public static IReadOnlyList<SegmentFigures> BySize(FeatureTable test, IReadOnlyList<double> probabilities, double red, double orange)
    {
        var column = IndexOf(test, "effectif_ent");
        string Segment(float[] row) => column < 0 || float.IsNaN(row[column]) ? "unknown"
            : SizeClasses.First(c => row[column] < c.Below).Name;
        return Group(test, probabilities, red, orange, Segment, SizeClasses.Select(c => c.Name).Append("unknown").ToArray());
    }

    /// <summary>By NAF section, from the one-hot columns <c>naf_section=X</c> the panel reader made.</summary>
    public static IReadOnlyList<SegmentFigures> BySector(FeatureTable test, IReadOnlyList<double> probabilities, double red, double orange)
    {
        var sections = test.FeatureNames.Select((n, i) => (n, i)).Where(x => x.n.StartsWith("naf_section=", StringComparison.Ordinal))
            .Select(x => (Name: x.n["naf_section=".Length..], Index: x.i)).ToArray();
        string Segment(float[] row) => sections.FirstOrDefault(s => row[s.Index] >= 0.5).Name ?? "unknown";
        return Group(test, probabilities, red, orange, Segment, sections.Select(s => s.Name).Order(StringComparer.Ordinal).Append("unknown").ToArray());
    }

    /// <summary>
    /// Lead time over every test row of the companies (proceedings included): the proceeding month
    /// is a company's first month flagged as in proceeding; the first alert is its first earlier
    /// month with a probability at or above the red threshold.
    /// </summary>
    public static LeadTime Lead(IReadOnlyList<string> companies, IReadOnlyList<int> months, IReadOnlyList<bool> inProceeding, IReadOnlyList<double> probabilities, double red)
    {
        var leads = new List<int>();
        var total = 0;
        foreach (var company in Enumerable.Range(0, companies.Count).GroupBy(i => companies[i]))
        {
            var rows = company.OrderBy(i => months[i]).ToArray();
            var opened = rows.FirstOrDefault(i => inProceeding[i], -1);
            if (opened < 0 || opened == rows[0]) continue;
            total++;
            var firstRed = rows.TakeWhile(i => months[i] < months[opened]).FirstOrDefault(i => probabilities[i] >= red, -1);
            if (firstRed >= 0) leads.Add(months[opened] - months[firstRed]);
        }
        leads.Sort();
        return new LeadTime(total, leads.Count, leads.Count == 0 ? null : leads.Count % 2 == 1 ? leads[leads.Count / 2] : (leads[leads.Count / 2 - 1] + leads[leads.Count / 2]) / 2.0,
            leads.Count == 0 ? null : leads.Average());
    }

    private static List<SegmentFigures> Group(FeatureTable test, IReadOnlyList<double> probabilities, double red, double orange, Func<float[], string> segmentOf, IReadOnlyList<string> order)
    {
        var bySegment = Enumerable.Range(0, test.Count).GroupBy(i => segmentOf(test.Rows[i])).ToDictionary(g => g.Key, g => g.ToArray());
        var figures = new List<SegmentFigures>();
        foreach (var segment in order.Where(bySegment.ContainsKey))
        {
            var rows = bySegment[segment];
            var p = rows.Select(i => probabilities[i]).ToArray();
            var labels = rows.Select(i => test.Labels[i]).ToArray();
            var positives = labels.Count(l => l);
            var bothClasses = positives > 0 && positives < labels.Length;
            figures.Add(new SegmentFigures(segment, rows.Length, positives,
                bothClasses ? Ranking.RocAuc(p, labels) : null, bothClasses ? Ranking.AveragePrecision(p, labels) : null,
                Thresholds.At(p, labels, red), Thresholds.At(p, labels, orange)));
        }
        return figures;
    }

    private static int IndexOf(FeatureTable table, string name)
    {
        for (var i = 0; i < table.FeatureNames.Count; i++) if (table.FeatureNames[i] == name) return i;
        return -1;
    }
}
