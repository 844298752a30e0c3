using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Panel;

/// <summary>What a recomputation changes: series to write or delete, and the companies to announce.</summary>
public sealed record PanelDiffResult(
    List<StoredPanelSeries> Upserts,
    List<(string Siren, string Siret)> Deletes,
    List<CompanyIndicators> Updates,
    Dictionary<string, long> Revisions);

/// <summary>Compares freshly computed panels with what is stored.</summary>
public static class PanelDiff
{
    /// <summary>
    /// Compares freshly computed panels with the stored series: a series whose encoding is
    /// unchanged is left alone; otherwise it is rewritten whole, and the company months that differ
    /// (values or labels) are announced, the latest <paramref name="announcedMonths"/> of them with their values.
    /// </summary>
    public static PanelDiffResult Compute(PanelCalculator calculator, IEnumerable<CompanyFacts> companies,
        Dictionary<(string Siren, string Siret), byte[]> stored, IReadOnlyDictionary<string, long> revisions, int announcedMonths = int.MaxValue)
    {
        var changes = new PanelDiffResult([], [], [], new Dictionary<string, long>(StringComparer.Ordinal));
        // Computing, encoding and comparing are the expensive part and companies are independent:
        // every core takes part (the stored series are only read here).
        var compared = companies.AsParallel().AsOrdered().Select(f => Compare(calculator, f, stored, announcedMonths)).ToList();
        foreach (var company in compared)
        {
            foreach (var key in company.Produced) stored.Remove(key);
            changes.Upserts.AddRange(company.Upserts);
            if (company.Months.Count == 0) continue;
            var siren = company.Siren.Value;
            var revision = revisions.GetValueOrDefault(siren) + 1;
            changes.Revisions[siren] = revision;
            changes.Updates.Add(new CompanyIndicators(company.Siren, company.Months, revision, company.ChangedFrom, calculator.Settings.To));
        }
        // Series no longer produced (e.g. an establishment no longer in the panel's months).
        changes.Deletes.AddRange(stored.Keys);
        return changes;
    }

    private sealed class CompanyChanges(Siren siren)
    {
        public Siren Siren { get; } = siren;
        public List<(string, string)> Produced { get; } = [];
        public List<StoredPanelSeries> Upserts { get; } = [];
        public List<MonthlyIndicators> Months { get; } = [];
        public YearMonth? ChangedFrom { get; set; }
    }

    private static CompanyChanges Compare(PanelCalculator calculator, CompanyFacts facts, Dictionary<(string Siren, string Siret), byte[]> stored, int announcedMonths)
    {
        var panel = calculator.Compute(facts);
        var siren = facts.Siren.Value;
        var result = new CompanyChanges(facts.Siren);
        if (panel.CompanyRows.Count > 0 && CompareSeries(siren, string.Empty, panel.CompanyRows, calculator.CompanySchema, stored, result) is { } old)
        {
            var changed = (old is [] ? panel.CompanyRows : ChangedRows(old, panel.CompanyRows, calculator.CompanySchema)).ToList();
            // Only months after the panel's new end were dropped: the last month is announced
            // again, so that readers of the company's current state move back to it.
            if (changed.Count == 0) changed.Add(panel.CompanyRows[^1]);
            if (changed.Count > 0) result.ChangedFrom = changed[0].Month;
            // Values are built only for the months announced: a first computation changes every month.
            foreach (var row in changed.Skip(Math.Max(0, changed.Count - Math.Max(1, announcedMonths)))) result.Months.Add(Indicators(row, calculator.CompanySchema));
        }
        foreach (var establishment in panel.EstablishmentRows.GroupBy(r => r.Siret!.Value.Value))
        {
            CompareSeries(siren, establishment.Key, [.. establishment], PanelSchema.Establishment, stored, result);
        }
        return result;
    }

    /// <returns>Null when the stored series is the same; otherwise the stored bytes (empty if none).</returns>
    private static byte[]? CompareSeries(string siren, string siret, IReadOnlyList<PanelRow> rows, PanelSchema schema,
        Dictionary<(string Siren, string Siret), byte[]> stored, CompanyChanges result)
    {
        result.Produced.Add((siren, siret));
        var encoded = PanelSeriesCodec.Encode(rows, schema);
        var old = stored.GetValueOrDefault((siren, siret)) ?? [];
        if (old.AsSpan().SequenceEqual(encoded)) return null;
        result.Upserts.Add(new StoredPanelSeries { Siren = siren, Siret = siret, Months = encoded });
        return old;
    }

    /// <summary>The computed rows whose month is new or whose values or labels differ from the stored month.</summary>
    private static IEnumerable<PanelRow> ChangedRows(byte[] old, IReadOnlyList<PanelRow> rows, PanelSchema schema)
    {
        var reader = new PanelSeriesReader(old, schema);
        var more = reader.Next();
        foreach (var row in rows)
        {
            while (more && reader.Month < row.Month.Index) more = reader.Next();
            if (more && reader.Month == row.Month.Index && Same(reader, row)) continue;
            yield return row;
        }
    }

    private static bool Same(PanelSeriesReader stored, PanelRow row)
    {
        for (var i = 0; i < row.Values.Length; i++)
        {
            if (!PanelSeriesCodec.SameValue(stored.Values[i], row.Values[i])) return false;
        }
        return stored.Labels.AsSpan().SequenceEqual(row.Labels);
    }

    public static MonthlyIndicators Indicators(PanelRow row, PanelSchema schema) =>
        Indicators(row.Month, row.Values, row.Labels, schema);

    public static MonthlyIndicators Indicators(YearMonth month, double[] rowValues, string?[] rowLabels, PanelSchema schema)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < rowValues.Length; i++)
        {
            if (!double.IsNaN(rowValues[i])) values[schema.Values[i]] = rowValues[i];
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rowLabels.Length; i++)
        {
            if (rowLabels[i] is { } label) labels[schema.Labels[i]] = label;
        }
        return new MonthlyIndicators(month, values, labels);
    }
}
