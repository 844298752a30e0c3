using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace SignauxFaibles.Ingestion.Changes;

/// <summary>What the fingerprint table holds for a set of keys of one scope, read in the caller's transaction.</summary>
internal static class FingerprintLookup
{
    // One primary-key probe per key, whatever the table's statistics say: a national stock is loaded
    // in one transaction, so the table grows from empty unanalysed, and "key = ANY(...)" was then
    // planned as a scan of the whole scope per chunk (quadratic over a first delivery). LIMIT keeps
    // the lateral subquery from being pulled up into a join the planner could turn into that scan.
    private const string Lookup = $"""
        SELECT k, f.fingerprint, f.batch_id
        FROM unnest($2::text[]) AS k
        CROSS JOIN LATERAL (SELECT fingerprint, batch_id FROM {RecordFingerprintModel.Table} WHERE scope = $1 AND key = k LIMIT 1) f
        """;

    public static async Task<Dictionary<string, (long Fingerprint, Guid BatchId)>> ReadAsync(DbContext db, string scope, string[] keys, CancellationToken ct)
    {
        var (connection, transaction) = await ConnectionAsync(db, ct);
        var known = new Dictionary<string, (long, Guid)>(keys.Length, StringComparer.Ordinal);
        await using var lookup = new NpgsqlCommand(Lookup, connection, transaction);
        lookup.Parameters.Add(new NpgsqlParameter { Value = scope, NpgsqlDbType = NpgsqlDbType.Text });
        lookup.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await lookup.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) known[reader.GetString(0)] = (reader.GetInt64(1), reader.GetGuid(2));
        return known;
    }

    public static async Task<(NpgsqlConnection Connection, NpgsqlTransaction? Transaction)> ConnectionAsync(DbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return (connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
    }
}
