using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Changes;

/// <summary>Records of one chunk sorted against what the service knew: new, changed, or unchanged (not published).</summary>
public sealed record ChangeSet(IReadOnlyList<ISourceRecord> New, IReadOnlyList<ISourceRecord> Changed, int Unchanged);

/// <summary>
/// Compares a chunk of records with the fingerprints the service keeps and records the new ones, in
/// one SQL statement per chunk, inside the caller's transaction (a failed batch leaves them as they were).
/// </summary>
public sealed class ChangeFilter
{
    // All sub-statements of one statement see the same snapshot: "known" is the state before the
    // upsert, which tells a new key from a changed one. Unchanged keys are neither written nor returned.
    private const string Sql = $"""
        WITH input AS (SELECT k, h FROM unnest($2::text[], $3::bigint[]) AS t(k, h)),
        known AS (SELECT f.key FROM {RecordFingerprintModel.Table} f JOIN input ON f.scope = $1 AND f.key = input.k),
        written AS (
            INSERT INTO {RecordFingerprintModel.Table} AS f (scope, key, fingerprint, batch_id)
            SELECT $1, k, h, $4 FROM input
            ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, batch_id = excluded.batch_id
            WHERE f.fingerprint <> excluded.fingerprint
            RETURNING f.key)
        SELECT w.key, k.key IS NOT NULL FROM written w LEFT JOIN known k ON k.key = w.key
        """;

    private readonly RecordFingerprinter _fingerprinter = new();

    public async Task<ChangeSet> SplitAsync(DbContext db, string scope, Guid batchId, IReadOnlyList<ISourceRecord> records, CancellationToken ct)
    {
        // A key twice in one chunk: the later line is the one that counts (and ON CONFLICT may
        // touch a row only once per statement).
        var last = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++) last[records[i].RecordKey] = i;
        var keys = new string[last.Count];
        var hashes = new long[last.Count];
        var n = 0;
        foreach (var (key, index) in last)
        {
            keys[n] = key;
            hashes[n++] = _fingerprinter.Fingerprint(records[index]);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        command.Parameters.Add(new NpgsqlParameter { Value = scope, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = batchId, NpgsqlDbType = NpgsqlDbType.Uuid });

        var changedKeys = new HashSet<string>(StringComparer.Ordinal);
        var newKeys = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) (reader.GetBoolean(1) ? changedKeys : newKeys).Add(reader.GetString(0));
        }

        var fresh = new List<ISourceRecord>(newKeys.Count);
        var changed = new List<ISourceRecord>(changedKeys.Count);
        foreach (var (key, index) in last)
        {
            if (newKeys.Contains(key)) fresh.Add(records[index]);
            else if (changedKeys.Contains(key)) changed.Add(records[index]);
        }
        return new ChangeSet(fresh, changed, records.Count - fresh.Count - changed.Count);
    }
}
