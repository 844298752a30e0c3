using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.Operations.Status;

/// <summary>Gathers <see cref="PlatformStatus"/> from the broker's management API and every service database.</summary>
public sealed class StatusCollector(BrokerAddress broker, string postgresServer, string databasePrefix = StatusCollector.DefaultDatabasePrefix)
{
    /// <summary>The services' databases are named sf_&lt;service&gt; (deploy/postgres/init-databases.sql).</summary>
    public const string DefaultDatabasePrefix = "sf_";

    public async Task<PlatformStatus> CollectAsync(CancellationToken ct = default)
    {
        var problems = new List<string>();
        IReadOnlyList<QueueStatistics> queues = [];
        try
        {
            using var management = new RabbitMqManagementClient(broker);
            queues = await management.QueuesAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            problems.Add($"broker {broker.Management.Host}:{broker.Management.Port}: {ex.Message}");
        }

        var outboxes = new List<OutboxBacklog>();
        var batches = new List<RunningBatch>();
        var probe = new ServiceDatabaseProbe(postgresServer, databasePrefix);
        try
        {
            foreach (var database in await probe.DatabasesAsync(ct))
            {
                try
                {
                    var (outbox, running) = await probe.ReadAsync(database, ct);
                    if (outbox is not null) outboxes.Add(outbox);
                    batches.AddRange(running);
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    problems.Add($"database {database}: {ex.Message}");
                }
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            problems.Add($"PostgreSQL: {ex.Message}");
        }
        return new PlatformStatus(DateTimeOffset.UtcNow, broker.VirtualHost, queues, outboxes, batches, problems);
    }
}
