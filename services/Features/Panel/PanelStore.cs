using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Panel;

/// <summary>Companies claimed for a refresh: each one's mark, and the traces of the deliveries that marked them, the latest first.</summary>
public sealed record ClaimedCompanies(Dictionary<string, long> Marks, IReadOnlyList<string> TraceParents);

/// <summary>Set-based reads and writes of facts and panel series for a batch of companies.</summary>
public sealed class PanelStore(FeaturesDbContext db)
{
    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>Raw commands need the context's connection open (EF opens it only around its own commands).</summary>
    private async Task OpenAsync(CancellationToken ct)
    {
        if (Connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> marked companies for <paramref name="claim"/> (committed
    /// at once, so consumers marking them meanwhile are not held up), skipping rows a consumer is
    /// marking right now and claims of other instances that have not expired.
    /// </summary>
    public async Task<ClaimedCompanies> ClaimAsync(int count, TimeSpan claim, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE dirty_companies d SET claimed_until = now() + @claim
            WHERE siren IN (
                SELECT siren FROM dirty_companies WHERE claimed_until IS NULL OR claimed_until < now()
                ORDER BY siren LIMIT @count FOR UPDATE SKIP LOCKED)
            RETURNING d.siren, d.mark, d.trace_parent, d.marked_at
            """, Connection);
        await OpenAsync(ct);
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("claim", claim);
        var claimed = new Dictionary<string, long>(StringComparer.Ordinal);
        var traces = new List<(string TraceParent, DateTimeOffset MarkedAt)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed[reader.GetString(0)] = reader.GetInt64(1);
            if (!reader.IsDBNull(2)) traces.Add((reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        // The latest delivery first: the refresh continues the trace of what has just arrived.
        return new ClaimedCompanies(claimed, [.. traces.OrderByDescending(t => t.MarkedAt).Select(t => t.TraceParent).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Releases claimed companies: removed if no fact arrived since the claim, otherwise left marked for another pass.</summary>
    public async Task ReleaseAsync(IReadOnlyDictionary<string, long> claimed, CancellationToken ct)
    {
        // Locked first in SIREN order, like consumers mark them: no deadlock with a consumer marking some of them now.
        await using (var lockRows = new NpgsqlCommand("SELECT siren FROM dirty_companies WHERE siren = ANY(@siren) ORDER BY siren FOR UPDATE", Connection))
        {
            lockRows.Parameters.AddWithValue("siren", claimed.Keys.ToArray());
            await lockRows.ExecuteNonQueryAsync(ct);
        }
        await using var delete = new NpgsqlCommand("""
            DELETE FROM dirty_companies d USING unnest(@siren, @mark) AS c(siren, mark)
            WHERE d.siren = c.siren AND d.mark = c.mark
            """, Connection);
        delete.Parameters.AddWithValue("siren", claimed.Keys.ToArray());
        delete.Parameters.AddWithValue("mark", claimed.Values.ToArray());
        await delete.ExecuteNonQueryAsync(ct);
        await UnclaimAsync([.. claimed.Keys], ct);
    }

    public async Task UnclaimAsync(string[] sirens, CancellationToken ct)
    {
        await using var unclaim = new NpgsqlCommand("UPDATE dirty_companies SET claimed_until = NULL WHERE siren = ANY(@siren)", Connection);
        unclaim.Parameters.AddWithValue("siren", sirens);
        await OpenAsync(ct);
        await unclaim.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Locks the companies (creating missing rows) in SIREN order until the transaction ends, so
    /// two instances never compute one company at once, and returns their revisions.
    /// </summary>
    public async Task<Dictionary<string, long>> LockAsync(string[] sirens, CancellationToken ct)
    {
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO companies (siren, revision, updated_at) SELECT s, 0, now() FROM unnest(@s) AS s ORDER BY s ON CONFLICT DO NOTHING", Connection))
        {
            insert.Parameters.AddWithValue("s", sirens);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var select = new NpgsqlCommand("SELECT siren, revision FROM companies WHERE siren = ANY(@s) ORDER BY siren FOR UPDATE", Connection);
        select.Parameters.AddWithValue("s", sirens);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) revisions[reader.GetString(0)] = reader.GetInt64(1);
        return revisions;
    }

    public async Task<List<CompanyFacts>> LoadFactsAsync(string[] sirens, CancellationToken ct)
    {
        // The live panel is as known now: known_at is kept for replays, not read on this hot path.
        await using var command = new NpgsqlCommand("SELECT siren, kind, payload FROM facts WHERE siren = ANY(@s)", Connection);
        command.Parameters.AddWithValue("s", sirens);
        var bySiren = sirens.ToDictionary(s => s, _ => new List<(FactKind Kind, byte[] Payload)>(), StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                bySiren[reader.GetString(0)].Add(((FactKind)reader.GetInt16(1), (byte[])reader.GetValue(2)));
            }
        }
        // Decoding JSON is a large share of the work: spread over the cores.
        return bySiren.AsParallel().AsOrdered().Select(p =>
        {
            var siren = Siren.Parse(p.Key);
            return CompanyFacts.Build(siren, p.Value.Select(f => new Fact(f.Kind, siren, FactCodec.Decode(f.Kind, f.Payload))));
        }).ToList();
    }

    /// <summary>The stored series of the companies, by (SIREN, SIRET or "").</summary>
    public async Task<Dictionary<(string Siren, string Siret), byte[]>> LoadSeriesAsync(string[] sirens, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT siren, siret, months FROM panel_series WHERE siren = ANY(@s)", Connection);
        command.Parameters.AddWithValue("s", sirens);
        var series = new Dictionary<(string, string), byte[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) series[(reader.GetString(0), reader.GetString(1))] = (byte[])reader.GetValue(2);
        return series;
    }

    public async Task WriteSeriesAsync(IReadOnlyList<StoredPanelSeries> upserts, IReadOnlyList<(string Siren, string Siret)> deletes, CancellationToken ct)
    {
        if (upserts.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TEMP TABLE IF NOT EXISTS incoming_series (siren varchar(9), siret varchar(14), months bytea) ON COMMIT DELETE ROWS", ct);
            await using (var copy = await Connection.BeginBinaryImportAsync("COPY incoming_series (siren, siret, months) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var series in upserts)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(series.Siren, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(series.Siret, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(series.Months, NpgsqlDbType.Bytea, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO panel_series (siren, siret, months)
                SELECT siren, siret, months FROM incoming_series ORDER BY siren, siret
                ON CONFLICT (siren, siret) DO UPDATE SET months = EXCLUDED.months
                """, ct);
        }
        if (deletes.Count > 0)
        {
            await using var delete = new NpgsqlCommand(
                "DELETE FROM panel_series p USING unnest(@siren, @siret) AS d(siren, siret) WHERE p.siren = d.siren AND p.siret = d.siret",
                Connection);
            delete.Parameters.AddWithValue("siren", deletes.Select(d => d.Siren).ToArray());
            delete.Parameters.AddWithValue("siret", deletes.Select(d => d.Siret).ToArray());
            await delete.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A company's stored months (its own, then each establishment's), or every company's when <paramref name="siren"/> is null.</summary>
    public static async Task<List<StoredPanelMonth>> MonthsAsync(FeaturesDbContext db, string? siren, CancellationToken ct)
    {
        var query = db.PanelSeries.AsNoTracking();
        if (siren is not null) query = query.Where(s => s.Siren == siren);
        var series = await query.OrderBy(s => s.Siren).ThenBy(s => s.Siret).ToListAsync(ct);
        return [.. series.SelectMany(s => s.Decode())];
    }

    public async Task SetRevisionsAsync(IReadOnlyDictionary<string, long> revisions, DateTimeOffset at, CancellationToken ct)
    {
        if (revisions.Count == 0) return;
        await using var update = new NpgsqlCommand(
            "UPDATE companies c SET revision = u.revision, updated_at = @at FROM unnest(@siren, @revision) AS u(siren, revision) WHERE c.siren = u.siren",
            Connection);
        update.Parameters.AddWithValue("siren", revisions.Keys.ToArray());
        update.Parameters.AddWithValue("revision", revisions.Values.ToArray());
        update.Parameters.AddWithValue("at", at);
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Marks every company with facts (after a definition change, or when the panel's month moves on).</summary>
    public Task<int> MarkAllAsync(CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO dirty_companies AS d (siren, marked_at, mark) SELECT DISTINCT siren, now(), 1 FROM facts ORDER BY siren ON CONFLICT (siren) DO UPDATE SET mark = d.mark + 1", ct);

    public Task<int> MarkAsync(Siren siren, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO dirty_companies AS d (siren, marked_at, mark) VALUES ({siren.Value}, now(), 1) ON CONFLICT (siren) DO UPDATE SET mark = d.mark + 1", ct);
}
