using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Panel;

/// <summary>What a recomputation changes: rows to write or delete, and the companies to announce.</summary>
public sealed record PanelDiffResult(
    List<StoredPanelMonth> Upserts,
    List<(string Siren, string Siret, int Month)> Deletes,
    List<CompanyIndicators> Updates,
    Dictionary<string, long> Revisions);

/// <summary>Compares freshly computed panels with what is stored.</summary>
public static class PanelDiff
{
    /// <summary>Compares freshly computed panels with the stored rows, row by row (encoded bytes and labels).</summary>
    public static PanelDiffResult Compute(PanelCalculator calculator, IEnumerable<CompanyFacts> companies,
        Dictionary<(string Siren, string Siret, int Month), (byte[] Values, string?[] Labels)> stored, IReadOnlyDictionary<string, long> revisions)
    {
        var changes = new PanelDiffResult([], [], [], new Dictionary<string, long>(StringComparer.Ordinal));
        var schema = calculator.CompanySchema;
        // Computing is the expensive part and companies are independent: every core takes part.
        var panels = companies.AsParallel().AsOrdered().Select(f => (Facts: f, Panel: calculator.Compute(f))).ToList();
        foreach (var (facts, panel) in panels)
        {
            var siren = facts.Siren.Value;
            var months = new List<MonthlyIndicators>();
            foreach (var row in panel.AllRows)
            {
                var key = (siren, row.Siret?.Value ?? string.Empty, row.Month.Index);
                var values = PanelValuesCodec.Encode(row.Values);
                if (stored.Remove(key, out var old) && old.Values.AsSpan().SequenceEqual(values) && old.Labels.AsSpan().SequenceEqual(row.Labels)) continue;
                changes.Upserts.Add(new StoredPanelMonth { Siren = key.siren, Siret = key.Item2, Month = key.Index, Values = values, Labels = row.Labels });
                if (row.Siret is null) months.Add(Indicators(row, schema));
            }
            if (months.Count == 0) continue;
            var revision = revisions.GetValueOrDefault(siren) + 1;
            changes.Revisions[siren] = revision;
            changes.Updates.Add(new CompanyIndicators(facts.Siren, months, revision));
        }
        // Rows no longer produced (e.g. a creation date moved later).
        changes.Deletes.AddRange(stored.Keys);
        return changes;
    }

    public static MonthlyIndicators Indicators(PanelRow row, PanelSchema schema)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < row.Values.Length; i++)
        {
            if (!double.IsNaN(row.Values[i])) values[schema.Values[i]] = row.Values[i];
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < row.Labels.Length; i++)
        {
            if (row.Labels[i] is { } label) labels[schema.Labels[i]] = label;
        }
        return new MonthlyIndicators(row.Month, values, labels);
    }
}
