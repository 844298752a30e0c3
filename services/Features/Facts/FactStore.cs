using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Facts;

/// <summary>
/// Stores a chunk of facts set-based — binary COPY into a temporary table, then one upsert — and
/// marks the companies whose facts actually changed for recomputation, in the caller's
/// transaction. A redelivered or re-uploaded fact changes nothing and marks no one. Contributions
/// also move the latest month they cover (<see cref="PanelState.ContributionsThrough"/>), from
/// which the panel's last month follows (<see cref="ScorableMonth"/>).
/// </summary>
public sealed class FactStore(FeaturesDbContext db)
{
    /// <returns>The number of companies marked for recomputation.</returns>
    public async Task<int> StoreAsync(IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        if (facts.Count == 0) return 0;
        if (ScorableMonth.ContributionsThrough(facts) is { } through)
        {
            // yyyy-MM sorts as text: greatest() keeps the latest month whatever the delivery order.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO panel_state AS s (name, value) VALUES ({0}, {1}) ON CONFLICT (name) DO UPDATE SET value = greatest(s.value, EXCLUDED.value)",
                [PanelState.ContributionsThrough, through.ToString()], ct);
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE IF NOT EXISTS incoming_facts (seq int, siren varchar(9), kind smallint, record_key varchar(200), payload bytea) ON COMMIT DELETE ROWS", ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY incoming_facts (seq, siren, kind, record_key, payload) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < facts.Count; i++)
            {
                var fact = facts[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(fact.Siren.Value, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((short)fact.Kind, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(fact.Record.RecordKey, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(FactCodec.Encode(fact.Record), NpgsqlDbType.Bytea, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // The last delivery of a key within the chunk wins. A company already marked gets its mark
        // counter raised: a refresher computing it meanwhile sees the counter moved and leaves it
        // marked, so facts stored here are never missed. Companies are marked in SIREN order so that
        // two consumers marking overlapping companies cannot deadlock.
        // The mark keeps the trace of the delivery that brought the facts: the panel refresh continues it (sf ops trace).
        return await db.Database.ExecuteSqlRawAsync("""
            WITH latest AS (
                SELECT DISTINCT ON (siren, kind, record_key) siren, kind, record_key, payload
                FROM incoming_facts ORDER BY siren, kind, record_key, seq DESC),
            changed AS (
                INSERT INTO facts AS f (siren, kind, record_key, payload, known_at)
                SELECT siren, kind, record_key, payload, now() FROM latest
                ON CONFLICT (siren, kind, record_key) DO UPDATE SET payload = EXCLUDED.payload, known_at = EXCLUDED.known_at
                WHERE f.payload IS DISTINCT FROM EXCLUDED.payload
                RETURNING f.siren)
            INSERT INTO dirty_companies AS d (siren, marked_at, mark, trace_parent)
            SELECT DISTINCT siren, now(), 1, @trace FROM changed ORDER BY siren
            ON CONFLICT (siren) DO UPDATE SET marked_at = EXCLUDED.marked_at, mark = d.mark + 1, trace_parent = EXCLUDED.trace_parent
            """, [new NpgsqlParameter("trace", NpgsqlDbType.Varchar) { Value = (object?)System.Diagnostics.Activity.Current?.Id ?? DBNull.Value }], ct);
    }
}
