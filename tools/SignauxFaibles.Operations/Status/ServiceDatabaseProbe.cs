using Npgsql;

namespace SignauxFaibles.Operations.Status;

/// <summary>
/// Reads the operational tables every service database may hold, found by name rather than by
/// service: <c>messaging.outbox_messages</c> (Messaging building block) and <c>public.batches</c>
/// (batch ledger of the Ingestion building block). A new service shows up without configuration.
/// </summary>
public sealed class ServiceDatabaseProbe(string serverConnectionString, string databasePrefix)
{
    public async Task<IReadOnlyList<string>> DatabasesAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync("postgres", ct);
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn AND starts_with(datname, @prefix) ORDER BY datname", connection);
        command.Parameters.AddWithValue("prefix", databasePrefix);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    public async Task<(OutboxBacklog? Outbox, IReadOnlyList<RunningBatch> Batches)> ReadAsync(string database, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        OutboxBacklog? outbox = null;
        if (await ExistsAsync(connection, "messaging.outbox_messages", ct)) outbox = await ReadOutboxAsync(connection, database, ct);
        IReadOnlyList<RunningBatch> batches = [];
        if (await ExistsAsync(connection, "public.batches", ct)) batches = await ReadRunningBatchesAsync(connection, database, outbox is not null, ct);
        return (outbox, batches);
    }

    private static async Task<OutboxBacklog> ReadOutboxAsync(NpgsqlConnection connection, string database, CancellationToken ct)
    {
        // The oldest row is the lowest id (insertion order): read through the id index, not a scan.
        const string sql = """
            SELECT (SELECT count(*) FROM messaging.outbox_messages WHERE parked_at IS NULL),
                   (SELECT created_at FROM messaging.outbox_messages WHERE parked_at IS NULL ORDER BY id LIMIT 1),
                   (SELECT count(*) FROM messaging.outbox_messages WHERE parked_at IS NOT NULL)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new OutboxBacklog(database, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2));
    }

    private static async Task<IReadOnlyList<RunningBatch>> ReadRunningBatchesAsync(NpgsqlConnection connection, string database, bool hasOutbox, CancellationToken ct)
    {
        // Chunks still in the outbox are counted by the batch's outbox group (see BatchIngestor.OutboxGroup).
        var chunks = hasOutbox ? "(SELECT count(*) FROM messaging.outbox_messages o WHERE o.\"group\" = 'batch:' || b.id::text)" : "0";
        var sql = $"""
            SELECT b.id, b.source, b.file_kind, b.file_name, b.status, b.size_bytes, b.received_at, b.started_at,
                   b.lines_read, b.records_accepted, b.lines_rejected, b.records_published, {chunks}
            FROM public.batches b
            WHERE b.status IN ('Received', 'Parsing', 'Published')
            ORDER BY b.received_at
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var batches = new List<RunningBatch>();
        while (await reader.ReadAsync(ct))
        {
            batches.Add(new RunningBatch(
                database, reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12)));
        }
        return batches;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    public async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = database,
            ApplicationName = "sf-ops",
            // One short-lived connection per database: no pool kept open on the services' server.
            Pooling = false,
            Timeout = 10,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
