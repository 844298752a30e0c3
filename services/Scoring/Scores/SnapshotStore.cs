using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// Keeps each company's latest four months of indicators (the scored month and the one three
/// months before it, which explanations compare with) and turns them into scoring inputs.
/// </summary>
public sealed class SnapshotStore(ScoringDbContext db)
{
    private const int MonthsKept = 4;

    /// <summary>
    /// Applies the updates newer than what is stored (by revision); returns the companies whose
    /// latest month changed, which are the ones to score again.
    /// </summary>
    public async Task<IReadOnlyList<Siren>> ApplyAsync(IReadOnlyList<CompanyIndicators> updates, CancellationToken ct)
    {
        var newest = updates.GroupBy(u => u.Siren).Select(g => g.MaxBy(u => u.Revision)!).ToArray();
        var sirens = newest.Select(u => u.Siren).ToArray();
        var stored = (await db.Snapshots.Where(s => sirens.Contains(s.Siren)).ToListAsync(ct)).ToLookup(s => s.Siren);
        await db.Database.ExecuteSqlRawAsync("insert into layouts (id, names) values ({0}, {1}) on conflict do nothing",
            [Layout.Current.Id, Layout.Current.Names.ToArray()], ct);

        var toScore = new List<Siren>();
        foreach (var update in newest)
        {
            var rows = stored[update.Siren].ToDictionary(s => s.Month);
            if (rows.Count > 0 && rows.Values.Max(r => r.Revision) >= update.Revision) continue; // stale or already applied
            var latest = rows.Keys.Concat(update.Months.Select(m => m.Month)).DefaultIfEmpty().Max();
            foreach (var month in update.Months.Where(m => m.Month > latest.AddMonths(-MonthsKept)))
            {
                var values = Layout.Current.Pack(month.Values);
                if (rows.TryGetValue(month.Month, out var row))
                {
                    row.Values = values;
                    row.Layout = Layout.Current.Id;
                    row.Revision = update.Revision;
                    Label(row, month.Labels);
                }
                else
                {
                    row = new IndicatorSnapshot { Siren = update.Siren, Month = month.Month, Revision = update.Revision, Values = values, Layout = Layout.Current.Id };
                    Label(row, month.Labels);
                    db.Snapshots.Add(row);
                    rows[month.Month] = row;
                }
            }
            foreach (var old in rows.Values.Where(r => r.Month <= latest.AddMonths(-MonthsKept))) db.Snapshots.Remove(old);
            if (update.Months.Any(m => m.Month == latest)) toScore.Add(update.Siren);
        }
        await db.SaveChangesAsync(ct);
        return toScore;
    }

    /// <summary>Scoring inputs of <paramref name="sirens"/> from their stored snapshots (companies without any are left out).</summary>
    public async Task<IReadOnlyList<ScoringInput>> InputsAsync(IReadOnlyCollection<Siren> sirens, CancellationToken ct)
    {
        var rows = await db.Snapshots.AsNoTracking().Where(s => sirens.Contains(s.Siren)).ToListAsync(ct);
        return await ToInputsAsync(rows, ct);
    }

    /// <summary>Scoring inputs of a page of companies in SIREN order (for rescoring the perimeter).</summary>
    public async Task<IReadOnlyList<ScoringInput>> PageAsync(Siren? after, int size, CancellationToken ct)
    {
        var from = after?.Value ?? "";
        var page = await db.Database
            .SqlQuery<string>($"select distinct siren as \"Value\" from snapshots where siren > {from} order by 1 limit {size}")
            .ToListAsync(ct);
        return await InputsAsync(page.Select(Siren.Parse).ToArray(), ct);
    }

    private async Task<IReadOnlyList<ScoringInput>> ToInputsAsync(IReadOnlyList<IndicatorSnapshot> rows, CancellationToken ct)
    {
        var layouts = new Dictionary<string, Layout>(StringComparer.Ordinal);
        foreach (var id in rows.Select(r => r.Layout).Distinct())
        {
            if (!Layout.TryGet(id, out var layout))
            {
                var names = await db.Layouts.AsNoTracking().Where(l => l.Id == id).Select(l => l.Names).SingleAsync(ct);
                layout = Layout.Of(id, names);
            }
            layouts[id] = layout;
        }
        return rows.GroupBy(r => r.Siren).OrderBy(g => g.Key.Value, StringComparer.Ordinal).Select(g =>
        {
            var latest = g.MaxBy(r => r.Month)!;
            var earlier = g.FirstOrDefault(r => r.Month == latest.Month.AddMonths(-3));
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in new[] { ("departement", latest.Departement), ("region", latest.Region), ("naf_section", latest.NafSection), ("code_naf", latest.NafCode) })
                if (value is not null) labels[name] = value;
            return new ScoringInput(g.Key, latest.Month, layouts[latest.Layout], latest.Values,
                earlier is null ? null : (layouts[earlier.Layout], earlier.Values), labels);
        }).ToArray();
    }

    private static void Label(IndicatorSnapshot row, IReadOnlyDictionary<string, string>? labels)
    {
        row.Departement = labels?.GetValueOrDefault("departement");
        row.Region = labels?.GetValueOrDefault("region");
        row.NafCode = labels?.GetValueOrDefault("code_naf");
        row.NafSection = labels?.GetValueOrDefault("naf_section");
    }
}
