using System.Diagnostics;
using Npgsql;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// Waits until the platform has nothing left to do: every queue but the error ones empty (waiting
/// queues of delayed redelivery included), every outbox drained, no batch being parsed or published,
/// no company waiting for its panel to be recomputed, and so for a quiet period longer than the broker's statistics interval (5 s).
/// </summary>
internal static class Settling
{
    public static async Task<TimeSpan> WaitAsync(StatusCollector collector, string postgresServer, TimeSpan quiet, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? quietSince = null;
        string busy = "nothing read yet";
        while (clock.Elapsed < timeout)
        {
            var status = await collector.CollectAsync(ct);
            var work = Busy(status) ?? await PanelBusyAsync(postgresServer, ct);
            if (work is null)
            {
                quietSince ??= clock.Elapsed;
                if (clock.Elapsed - quietSince >= quiet) return clock.Elapsed;
            }
            else
            {
                (quietSince, busy) = (null, work);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        throw new TimeoutException($"the platform did not settle in {timeout.TotalSeconds:0} s; last seen busy: {busy}");
    }

    /// <summary>Companies marked for recomputation in the feature service (their panel is behind their facts).</summary>
    private static async Task<string?> PanelBusyAsync(string postgresServer, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresServer) { Database = "sf_features", ApplicationName = "sf-chaos" }.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM dirty_companies", connection);
            var pending = (long)(await command.ExecuteScalarAsync(ct))!;
            return pending == 0 ? null : $"{pending} companies waiting for their panel to be recomputed";
        }
        catch (NpgsqlException ex)
        {
            return $"sf_features: {ex.Message}";
        }
    }

    private static string? Busy(PlatformStatus status)
    {
        if (status.Problems.Count > 0) return string.Join("; ", status.Problems);
        if (status.Queues.FirstOrDefault(q => !q.IsErrorQueue && !q.IsSkippedQueue && q.Depth > 0) is { } queue) return $"queue {queue.Name} holds {queue.Depth}";
        if (status.Outboxes.FirstOrDefault(o => o.Pending > 0) is { } outbox) return $"outbox of {outbox.Database} holds {outbox.Pending}";
        if (status.Batches.Count > 0) return $"{status.Batches.Count} batch(es) still running";
        return null;
    }
}
