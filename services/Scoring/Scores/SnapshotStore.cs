using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
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
        var stored = (await db.Snapshots.AsNoTracking().Where(s => sirens.Contains(s.Siren)).Select(s => new { s.Siren, s.Month, s.Revision }).ToListAsync(ct))
            .ToLookup(s => s.Siren);
        await db.Database.ExecuteSqlRawAsync("insert into layouts (id, names) values ({0}, {1}) on conflict do nothing",
            [Layout.Current.Id, Layout.Current.Names.ToArray()], ct);

        var toScore = new List<Siren>();
        var written = new List<IndicatorSnapshot>();
        var cutBack = new List<(Siren Siren, YearMonth AsOf)>();
        foreach (var update in newest)
        {
            var rows = stored[update.Siren].ToList();
            if (rows.Count > 0 && rows.Max(r => r.Revision) >= update.Revision) continue; // stale or already applied
            if (update.AsOf is { } asOf && rows.Any(r => r.Month > asOf))
            {
                // The panel's end moved back: months after it are no longer the company's state.
                cutBack.Add((update.Siren, asOf));
                rows.RemoveAll(r => r.Month > asOf);
            }
            var latest = rows.Select(r => r.Month).Concat(update.Months.Select(m => m.Month)).DefaultIfEmpty().Max();
            foreach (var month in update.Months.Where(m => m.Month > latest.AddMonths(-MonthsKept)))
            {
                var row = new IndicatorSnapshot { Siren = update.Siren, Month = month.Month, Revision = update.Revision, Values = Layout.Current.Pack(month.Values), Layout = Layout.Current.Id };
                Label(row, month.Labels);
                written.Add(row);
            }
            if (update.Months.Any(m => m.Month == latest)) toScore.Add(update.Siren);
        }
        await CutBackAsync(cutBack, ct);
        await UpsertAsync(written, ct);
        return toScore;
    }

    private async Task CutBackAsync(IReadOnlyList<(Siren Siren, YearMonth AsOf)> companies, CancellationToken ct)
    {
        if (companies.Count == 0) return;
        var sirens = companies.Select(c => c.Siren.Value).ToArray();
        var asOf = companies.Select(c => c.AsOf.FirstDay).ToArray();
        await db.Database.ExecuteSqlRawAsync(
            "delete from snapshots s using unnest({0}, {1}) as d(siren, as_of) where s.siren = d.siren and s.month > d.as_of", [sirens, asOf], ct);
    }

    /// <summary>
    /// COPY into a temporary table, then one upsert that keeps the higher revision: two messages
    /// holding the same company may be handled at once, and neither must fail nor win with older values.
    /// Months older than the four kept are dropped.
    /// </summary>
    private async Task UpsertAsync(IReadOnlyList<IndicatorSnapshot> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var create = new NpgsqlCommand("create temporary table if not exists snapshots_in (like snapshots) on commit delete rows", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy snapshots_in (siren, month, revision, values, layout, departement, region, naf_code, naf_section) from stdin (format binary)", ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Siren.Value, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Month.FirstDay, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.Revision, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(SnapshotValues.ToBytes(r.Values), NpgsqlDbType.Bytea, ct);
                await copy.WriteAsync(r.Layout, NpgsqlDbType.Varchar, ct);
                foreach (var label in new[] { r.Departement, r.Region, r.NafCode, r.NafSection })
                    if (label is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(label, NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // Statistics first: a temporary table has none, and the planner then guessed thousands of
        // companies and scanned the whole snapshots table for the delete below (1-3 s a message).
        const string upsert = """
            analyze snapshots_in;
            insert into snapshots (siren, month, revision, values, layout, departement, region, naf_code, naf_section)
            select siren, month, revision, values, layout, departement, region, naf_code, naf_section from snapshots_in order by siren, month
            on conflict (siren, month) do update set
                revision = excluded.revision, values = excluded.values, layout = excluded.layout, departement = excluded.departement,
                region = excluded.region, naf_code = excluded.naf_code, naf_section = excluded.naf_section
            where excluded.revision >= snapshots.revision;
            delete from snapshots s using (select siren, max(month) as latest from snapshots where siren in (select siren from snapshots_in) group by siren) l
            where s.siren = l.siren and s.month <= l.latest - make_interval(months => @kept);
            """;
        await using var command = new NpgsqlCommand(upsert, connection);
        command.Parameters.AddWithValue("kept", MonthsKept);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Scoring inputs of <paramref name="sirens"/> from their stored snapshots (companies without any are left out).</summary>
    public async Task<IReadOnlyList<ScoringInput>> InputsAsync(IReadOnlyCollection<Siren> sirens, CancellationToken ct)
    {
        var rows = await db.Snapshots.AsNoTracking().Where(s => sirens.Contains(s.Siren)).ToListAsync(ct);
        return await ToInputsAsync(rows, ct);
    }

    /// <summary>
    /// Scoring inputs of a page of companies in SIREN order (for rescoring the perimeter). Only the
    /// two months an input uses are read, straight from Npgsql: a rescore reads every company.
    /// </summary>
    public async Task<IReadOnlyList<ScoringInput>> PageAsync(Siren? after, int size, CancellationToken ct)
    {
        const string page = """
            select s.siren, s.month, s.values, s.layout, s.departement, s.region, s.naf_code, s.naf_section
            from (select siren, max(month) as latest from snapshots where siren > @after group by siren order by siren limit @size) l
            join snapshots s on s.siren = l.siren and s.month in (l.latest, (l.latest - interval '3 months')::date)
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(page, connection);
        command.Parameters.AddWithValue("after", after?.Value ?? "");
        command.Parameters.AddWithValue("size", size);
        var rows = new List<IndicatorSnapshot>(2 * size);
        var bytes = new byte[1024];
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var length = (int)reader.GetBytes(2, 0, null, 0, 0);
                if (length > bytes.Length) bytes = new byte[length];
                reader.GetBytes(2, 0, bytes, 0, length);
                rows.Add(new IndicatorSnapshot
                {
                    Siren = Siren.Parse(reader.GetString(0)),
                    Month = YearMonth.Of(reader.GetFieldValue<DateOnly>(1)),
                    Values = SnapshotValues.FromBytes(bytes.AsSpan(0, length)),
                    Layout = reader.GetString(3),
                    Departement = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Region = reader.IsDBNull(5) ? null : reader.GetString(5),
                    NafCode = reader.IsDBNull(6) ? null : reader.GetString(6),
                    NafSection = reader.IsDBNull(7) ? null : reader.GetString(7),
                });
            }
        return await ToInputsAsync(rows, ct);
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
