using System.Text;
using Npgsql;
using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Operations.Outbox;

/// <summary>
/// sf ops outbox parked: list the rows the relays parked, give them back to their relay (after the
/// cause is fixed, e.g. the service redeployed with the type) or drop them. Each retry and drop is
/// written to the audit log before the row changes; a dropped row's body is kept there.
/// </summary>
public sealed class ParkedOutboxOperations(ServiceDatabaseProbe databases, OperationsAuditLog audit, string operatorName)
{
    private const string Columns =
        "id, message_id, message_type, partition_key, \"group\", created_at, parked_at, failed_attempts, last_error, octet_length(body)";

    /// <summary>Parked rows of one database, or of every service database.</summary>
    public async Task<IReadOnlyList<ParkedOutboxRow>> ListAsync(string? database, CancellationToken ct = default)
    {
        var rows = new List<ParkedOutboxRow>();
        foreach (var name in database is null ? await databases.DatabasesAsync(ct) : [database])
        {
            await using var connection = await databases.OpenAsync(name, ct);
            if (!await HasOutboxAsync(connection, ct)) continue;
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM messaging.outbox_messages WHERE parked_at IS NOT NULL ORDER BY id", connection);
            rows.AddRange(await ReadAsync(command, name, ct));
        }
        return rows;
    }

    /// <summary>Unparks the selected rows (all parked ones when <paramref name="ids"/> is empty); the relay publishes them again.</summary>
    public Task<IReadOnlyList<ParkedOutboxRow>> RetryAsync(string database, IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        ActAsync(database, ids, "outbox-retry", null,
            "UPDATE messaging.outbox_messages SET parked_at = NULL, failed_attempts = 0 WHERE id = ANY(@ids)", ct);

    /// <summary>Deletes the selected rows for good (all parked ones when <paramref name="ids"/> is empty); the audit log keeps their body.</summary>
    public Task<IReadOnlyList<ParkedOutboxRow>> DropAsync(string database, IReadOnlyCollection<long> ids, string? reason, CancellationToken ct = default) =>
        ActAsync(database, ids, "outbox-drop", reason, "DELETE FROM messaging.outbox_messages WHERE id = ANY(@ids)", ct);

    private async Task<IReadOnlyList<ParkedOutboxRow>> ActAsync(string database, IReadOnlyCollection<long> ids, string action, string? reason, string change, CancellationToken ct)
    {
        await using var connection = await databases.OpenAsync(database, ct);
        if (!await HasOutboxAsync(connection, ct)) throw new InvalidOperationException($"Database {database} has no outbox.");
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Locked while the audit lines are written: nobody else retries or drops the same rows meanwhile.
        var filter = ids.Count == 0 ? "" : " AND id = ANY(@ids)";
        await using var select = new NpgsqlCommand(
            $"SELECT {Columns}, body FROM messaging.outbox_messages WHERE parked_at IS NOT NULL{filter} ORDER BY id FOR UPDATE", connection, transaction);
        if (ids.Count > 0) select.Parameters.AddWithValue("ids", ids.ToArray());
        var selected = new List<(ParkedOutboxRow Row, string Body)>();
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) selected.Add((Read(reader, database), Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(10))));
        }
        foreach (var (row, body) in selected)
        {
            await audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, action, operatorName, Environment.MachineName, "", $"{database} outbox",
                row.MessageId.ToString(), row.MessageType, null, row.LastError, reason, action == "outbox-drop" ? body : null), ct);
        }
        await using var update = new NpgsqlCommand(change, connection, transaction);
        update.Parameters.AddWithValue("ids", selected.Select(s => s.Row.Id).ToArray());
        await update.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return selected.ConvertAll(s => s.Row);
    }

    private static async Task<bool> HasOutboxAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('messaging.outbox_messages') IS NOT NULL", connection);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static async Task<List<ParkedOutboxRow>> ReadAsync(NpgsqlCommand command, string database, CancellationToken ct)
    {
        var rows = new List<ParkedOutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader, database));
        return rows;
    }

    private static ParkedOutboxRow Read(NpgsqlDataReader r, string database) => new(
        database, r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetInt32(9));
}
