using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Changes;

/// <summary>Records of one chunk sorted against what the service knew: new, changed, or unchanged (not published).</summary>
public sealed record ChangeSet(IReadOnlyList<ISourceRecord> New, IReadOnlyList<ISourceRecord> Changed, int Unchanged);

/// <summary>
/// Compares a chunk of records with the fingerprints the service keeps and records what is new or
/// changed, inside the caller's transaction (a failed batch leaves the fingerprints as they were).
/// One indexed lookup per chunk; a write only for the records that will be published, so a stock
/// delivered again unchanged costs the database reads only.
/// </summary>
public sealed class ChangeFilter
{
    private const string Record = $"""
        INSERT INTO {RecordFingerprintModel.Table} (scope, key, fingerprint, batch_id)
        SELECT $1, k, h, $4 FROM unnest($2::text[], $3::bigint[]) AS t(k, h)
        ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, batch_id = excluded.batch_id
        """;

    private readonly RecordFingerprinter _fingerprinter = new();

    public async Task<ChangeSet> SplitAsync(DbContext db, string scope, Guid batchId, IReadOnlyList<ISourceRecord> records, CancellationToken ct)
    {
        // A key twice in one chunk: the later line is the one that counts (and ON CONFLICT may
        // touch a row only once per statement).
        var last = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++) last[records[i].RecordKey] = i;
        var keys = last.Keys.ToArray();

        var (connection, transaction) = await FingerprintLookup.ConnectionAsync(db, ct);
        var known = await FingerprintLookup.ReadAsync(db, scope, keys, ct);

        var fresh = new List<ISourceRecord>();
        var changed = new List<ISourceRecord>();
        var writeKeys = new List<string>();
        var writeHashes = new List<long>();
        foreach (var (key, index) in last)
        {
            var hash = _fingerprinter.Fingerprint(records[index]);
            if (known.TryGetValue(key, out var previous))
            {
                if (previous.Fingerprint == hash) continue;
                changed.Add(records[index]);
            }
            else
            {
                fresh.Add(records[index]);
            }
            writeKeys.Add(key);
            writeHashes.Add(hash);
        }

        if (writeKeys.Count > 0)
        {
            await using var write = new NpgsqlCommand(Record, connection, transaction);
            write.Parameters.Add(new NpgsqlParameter { Value = scope, NpgsqlDbType = NpgsqlDbType.Text });
            write.Parameters.Add(new NpgsqlParameter { Value = writeKeys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            write.Parameters.Add(new NpgsqlParameter { Value = writeHashes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            write.Parameters.Add(new NpgsqlParameter { Value = batchId, NpgsqlDbType = NpgsqlDbType.Uuid });
            await write.ExecuteNonQueryAsync(ct);
        }
        return new ChangeSet(fresh, changed, records.Count - fresh.Count - changed.Count);
    }
}
