using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// What must hold once a campaign has settled, whatever the faults: each difference is a line
/// (expected: none). Nothing lost (no error or skipped message, no parked outbox row, every file in a
/// finished batch whose lines are all accounted for), nothing doubled (no officer told the same move
/// twice in a row, no mail delivered to the sink more often than the platform recorded it sent).
/// </summary>
internal sealed class CampaignChecks(string postgresServer, Uri? mailSink)
{
    public async Task<List<string>> RunAsync(PlatformStatus status, IReadOnlyList<DeliveryOutcome> deliveries, IReadOnlyList<(string Route, IFileKind Kind, FileInfo File)> plan,
        DateTimeOffset since, CancellationToken ct)
    {
        var differences = new List<string>();
        foreach (var queue in status.Queues.Where(q => (q.IsErrorQueue || q.IsSkippedQueue) && q.Depth > 0))
        {
            differences.Add($"queue {queue.Name} holds {queue.Depth} message(s): lost to processing");
        }
        foreach (var outbox in status.Outboxes.Where(o => o.Parked > 0)) differences.Add($"outbox of {outbox.Database}: {outbox.Parked} parked row(s)");
        foreach (var delivery in deliveries.Where(d => d.BatchId is null || d.Status is not ("Completed" or "Published" or "Received" or "Parsing")))
        {
            differences.Add($"{delivery.File} → {delivery.Route}: {delivery.Status} after {delivery.Attempts} attempt(s) {delivery.Error}");
        }
        differences.AddRange(await BatchesAsync(deliveries, plan, ct));
        differences.AddRange(await AlertsAsync(since, ct));
        differences.AddRange(await MailsAsync(since, ct));
        return differences;
    }

    /// <summary>Every delivered file's batch ended Completed, with the lines, records and rejects a clean read of the file gives.</summary>
    private async Task<List<string>> BatchesAsync(IReadOnlyList<DeliveryOutcome> deliveries, IReadOnlyList<(string Route, IFileKind Kind, FileInfo File)> plan, CancellationToken ct)
    {
        var found = new Dictionary<Guid, (string Status, long Read, long Accepted, long Rejected, string? Reason)>();
        foreach (var database in await DatabasesAsync("sf_ingestion_", ct))
        {
            await using var connection = await OpenAsync(database, ct);
            await using var command = new NpgsqlCommand(
                "SELECT id, status, lines_read, records_accepted, lines_rejected, failure_reason FROM batches", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found[reader.GetGuid(0)] = (reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }
        var differences = new List<string>();
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            if (delivery.BatchId is not { } id) continue;
            if (!found.TryGetValue(id, out var batch)) differences.Add($"{delivery.File}: batch {id} is not in any ledger");
            else if (batch.Status != "Completed") differences.Add($"{delivery.File}: batch {id} ended {batch.Status} {batch.Reason}");
            else if (await CleanReadAsync(plan[i].Kind, plan[i].File, ct) is var clean && clean != (batch.Read, batch.Accepted, batch.Rejected))
            {
                differences.Add($"{delivery.File}: batch {id} counts {batch.Read} lines, {batch.Accepted} records, {batch.Rejected} rejects; "
                    + $"a clean read of the file gives {clean.Lines}, {clean.Records}, {clean.Rejects}");
            }
        }
        foreach (var (id, batch) in found.Where(b => b.Value.Status is not ("Completed" or "Failed")))
        {
            differences.Add($"batch {id} still {batch.Status}");
        }
        foreach (var (id, _) in found.Where(b => b.Value.Status == "Failed" && string.IsNullOrWhiteSpace(b.Value.Reason))) differences.Add($"batch {id} Failed without a reason");
        return differences;
    }

    /// <summary>The file read as the ingestion service reads it (same unwrapping, parser and line accounting), without faults.</summary>
    private static async Task<(long Lines, long Records, long Rejects)> CleanReadAsync(IFileKind kind, FileInfo file, CancellationToken ct)
    {
        await using var stream = file.OpenRead();
        await using var delivered = await DeliveredFile.OpenAsync(stream, ct);
        long lines = 0, records = 0, rejects = 0;
        await foreach (var slice in delivered.ParseAsync(kind.Parser, file.Name, ct).SliceAsync(1000, ct))
        {
            (lines, records, rejects) = (lines + slice.LinesRead, records + slice.Records.Length, rejects + slice.Rejects.Length);
        }
        return (lines, records, rejects);
    }

    private async Task<List<string>> AlertsAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await OpenAsync("sf_notifications", ct);
        // A repeat is an entry saying what the officer's previous entry for the company already said
        // (same month and move); the same move after the opposite one is news, not a repeat.
        await using var command = new NpgsqlCommand("""
            SELECT officer_id, siren, month, previous_level, level FROM (
                SELECT officer_id, siren, month, previous_level, level, created_at,
                       lag(month) OVER w AS last_month, lag(previous_level) OVER w AS last_previous, lag(level) OVER w AS last_level
                FROM alerts WINDOW w AS (PARTITION BY officer_id, siren ORDER BY changed_at, created_at)) entries
            WHERE created_at >= @since AND month = last_month AND previous_level = last_previous AND level = last_level
            """, connection);
        command.Parameters.AddWithValue("since", since);
        var differences = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            differences.Add($"officer {reader.GetGuid(0)} alerted twice in a row for {reader.GetString(1)} {reader.GetDateTime(2):yyyy-MM} {reader.GetString(3)} → {reader.GetString(4)}");
        }
        return differences;
    }

    /// <summary>Mails left unsent, and mails the sink received more or less often than the platform sent them (matched by recipient and subject).</summary>
    private async Task<List<string>> MailsAsync(DateTimeOffset since, CancellationToken ct)
    {
        var sent = new Dictionary<(string, string), int>();
        var differences = new List<string>();
        await using (var connection = await OpenAsync("sf_notifications", ct))
        {
            await using var command = new NpgsqlCommand("SELECT recipient, subject, status FROM deliveries WHERE channel = 'Email' AND created_at >= @since", connection);
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetString(2) != "Sent") differences.Add($"mail to {reader.GetString(0)} \"{reader.GetString(1)}\" still {reader.GetString(2)}");
                else sent[(reader.GetString(0), reader.GetString(1))] = sent.GetValueOrDefault((reader.GetString(0), reader.GetString(1))) + 1;
            }
        }
        if (mailSink is null) return differences;
        var received = new Dictionary<(string, string), int>();
        using var http = new HttpClient { BaseAddress = mailSink, Timeout = TimeSpan.FromSeconds(30) };
        for (var page = 1; ; page++)
        {
            var answer = await http.GetFromJsonAsync<JsonElement>($"api/messages?page={page}&pageSize=500", ct);
            foreach (var message in answer.GetProperty("results").EnumerateArray())
            {
                if (message.GetProperty("receivedDate").GetDateTimeOffset() < since) continue;
                var key = (message.GetProperty("deliveredTo").GetString() ?? "", message.GetProperty("subject").GetString() ?? "");
                received[key] = received.GetValueOrDefault(key) + 1;
            }
            if (page >= answer.GetProperty("pageCount").GetInt32()) break;
        }
        foreach (var (key, count) in received.Where(r => r.Value > sent.GetValueOrDefault(r.Key)))
        {
            differences.Add($"mail to {key.Item1} \"{key.Item2}\" received {count} times, sent {sent.GetValueOrDefault(key)}");
        }
        foreach (var (key, count) in sent.Where(s => s.Value > received.GetValueOrDefault(s.Key)))
        {
            differences.Add($"mail to {key.Item1} \"{key.Item2}\" recorded sent {count} times, received {received.GetValueOrDefault(key)}: lost on the way");
        }
        return differences;
    }

    private async Task<List<string>> DatabasesAsync(string prefix, CancellationToken ct)
    {
        await using var connection = await OpenAsync("postgres", ct);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p ORDER BY 1", connection);
        command.Parameters.AddWithValue("p", prefix + "%");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    private async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresServer) { Database = database, ApplicationName = "sf-chaos" }.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
