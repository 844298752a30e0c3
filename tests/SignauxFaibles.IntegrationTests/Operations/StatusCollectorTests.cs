using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Operations.Broker;
using SignauxFaibles.Operations.Status;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>What sf ops status gathers, read from a real broker and a real ingestion database (its own migrations).</summary>
public sealed class StatusCollectorTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    [Fact]
    public async Task Status_shows_queue_depths_consumers_outbox_backlog_and_running_batches()
    {
        var broker = new BrokerAddress(new Uri(env.RabbitMqConnectionString), env.Servers.RabbitMqManagement);
        await using var connection = await broker.CreateConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("features-debit", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync("features-debit_error", durable: true, exclusive: false, autoDelete: false);
        for (var i = 0; i < 3; i++) await channel.BasicPublishAsync(string.Empty, "features-debit", "{}"u8.ToArray());
        await channel.BasicPublishAsync(string.Empty, "features-debit_error", "{}"u8.ToArray());

        var batchId = await SeedIngestionDatabaseAsync();
        var collector = new StatusCollector(broker, env.Servers.Postgres, databasePrefix: env.VirtualHost + "_");

        // The management API publishes queue statistics every few seconds.
        var status = await Eventually.UntilAsync(() => collector.CollectAsync(),
            s => s.Queues.Any(q => q.Name == "features-debit" && q.Ready == 3), TimeSpan.FromSeconds(30), "queue statistics");

        Assert.Empty(status.Problems);
        var queue = status.Queues.Single(q => q.Name == "features-debit");
        Assert.Equal((3L, 0), (queue.Depth, queue.Consumers));
        Assert.True(status.Queues.Single(q => q.Name == "features-debit_error").IsErrorQueue);

        var outbox = Assert.Single(status.Outboxes);
        Assert.Equal(env.VirtualHost + "_urssaf", outbox.Database);
        Assert.Equal(3, outbox.Pending);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), outbox.OldestCreatedAt);

        var batch = Assert.Single(status.Batches);
        Assert.Equal((batchId, "Parsing", "debit", 120_000L, 12L, 2L), (batch.Id, batch.Status, batch.FileKind, batch.LinesRead, batch.LinesRejected, batch.ChunksInOutbox));

        var screen = await SfOps.RunAsync(env, null, "status", "--database-prefix", env.VirtualHost + "_");
        Assert.True(screen.Exit == 0, screen.Output + screen.Error);
        Assert.Contains("features-debit_error", screen.Output, StringComparison.Ordinal);
        Assert.Contains("debit-Parsing.csv", screen.Output, StringComparison.Ordinal);
        Assert.Contains("120,000", screen.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_broker_is_reported_and_the_databases_are_still_read()
    {
        await SeedIngestionDatabaseAsync("urssaf_alone");
        var broker = new BrokerAddress(new Uri("amqp://127.0.0.1:1/"), new Uri("http://127.0.0.1:1/"));
        var status = await new StatusCollector(broker, env.Servers.Postgres, env.VirtualHost + "_urssaf_alone").CollectAsync();
        Assert.Contains(status.Problems, p => p.StartsWith("broker 127.0.0.1:1", StringComparison.Ordinal));
        Assert.Single(status.Outboxes);
        Assert.Empty(status.Queues);
    }

    /// <summary>An URSSAF ingestion database with one batch being parsed (two chunks waiting in the outbox) and one completed.</summary>
    private async Task<Guid> SeedIngestionDatabaseAsync(string name = "urssaf")
    {
        var builder = new DbContextOptionsBuilder<IngestionDbContext>();
        builder.UseServiceDatabase(env.DatabaseConnectionString(name));
        var options = builder.Options;
        await using var db = new IngestionDbContext(options);
        await db.Database.MigrateAsync();
        var running = Batch(BatchStatus.Parsing, lines: 120_000, rejected: 12);
        db.Batches.AddRange(running, Batch(BatchStatus.Completed, lines: 10, rejected: 0));
        var group = $"batch:{running.Id}";
        db.Set<OutboxMessage>().AddRange(
            Outbox(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), group),
            Outbox(new DateTimeOffset(2026, 11, 2, 8, 0, 1, TimeSpan.Zero), group),
            Outbox(new DateTimeOffset(2026, 11, 2, 8, 0, 2, TimeSpan.Zero), null));
        await db.SaveChangesAsync();
        return running.Id;
    }

    private static Batch Batch(BatchStatus status, long lines, long rejected) => new()
    {
        Id = Guid.CreateVersion7(), Source = DataSource.Urssaf, FileKind = "debit", FileName = $"debit-{status}.csv",
        ContentSha256 = Guid.NewGuid().ToString("N"), SizeBytes = 1_000, Status = status,
        ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-2), StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        LinesRead = lines, RecordsAccepted = lines - rejected, LinesRejected = rejected,
    };

    private static OutboxMessage Outbox(DateTimeOffset createdAt, string? group) => new()
    {
        MessageId = Guid.NewGuid(), MessageType = "T, A", Body = "{}"u8.ToArray(), Group = group, CreatedAt = createdAt,
    };
}
