using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.IntegrationTests.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.Broker;
using SignauxFaibles.Operations.DeadLetters;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>
/// A poison message reaches the error queue; once the bug is fixed, sf ops dead-letters replay sends
/// it back to its endpoint, where it is processed once; every action is in the audit log.
/// </summary>
public sealed class DeadLetterReplayTests : IAsyncLifetime
{
    // One environment per test (xunit makes an instance per test): both tests use the same error queue.
    private readonly IntegrationEnvironment env = new();
    private const string ErrorQueue = "ledger-flaky-entry_error";
    private readonly string _audit = Path.Combine(Path.GetTempPath(), $"sf-ops-audit-{Guid.NewGuid():N}.jsonl");
    private readonly PoisonSwitch _poison = new();

    [Fact]
    public async Task A_dead_letter_replayed_after_the_fix_is_processed_once_and_audited()
    {
        using var consumer = await StartConsumerAsync();
        using var producer = await LedgerHost.StartAsync(env, "producer");
        await PublishAsync(producer, new LedgerEntryPosted(1, 5), new LedgerEntryPosted(1, -2));
        var operations = Operations();
        var poisoned = await WaitForDeadLettersAsync(operations, 1);

        var letter = Assert.Single(poisoned);
        Assert.Equal("ledger-flaky-entry", letter.Endpoint);
        Assert.Contains("LedgerEntryPosted", letter.MessageType, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", letter.ExceptionType, StringComparison.Ordinal);
        Assert.Contains("Negative entry -2", letter.FaultMessage, StringComparison.Ordinal);
        // Reading is harmless: the message is still there, and the listings show it.
        Assert.Single(await operations.PeekAsync(ErrorQueue));
        var list = await SfOps.RunAsync(env, _audit, "dead-letters", "list", ErrorQueue);
        Assert.Equal(0, list.Exit);
        Assert.Contains(letter.MessageId, list.Output, StringComparison.Ordinal);
        var show = await SfOps.RunAsync(env, _audit, "dead-letters", "show", ErrorQueue, letter.MessageId);
        Assert.Equal(0, show.Exit);
        Assert.Contains("Negative entry -2", show.Output, StringComparison.Ordinal);
        Assert.Contains("\"amount\": -2", show.Output, StringComparison.Ordinal);

        _poison.Fixed = true;
        var replay = await SfOps.RunAsync(env, _audit, "dead-letters", "replay", ErrorQueue, "--message-id", letter.MessageId);
        Assert.True(replay.Exit == 0, replay.Output + replay.Error);
        Assert.Contains("1 replayed, 0 failed, 0 not found", replay.Output, StringComparison.Ordinal);

        var messageId = Guid.Parse(letter.MessageId);
        await Eventually.UntilAsync(() => Task.FromResult(_poison.TimesHandled(messageId)), n => n == 1, TimeSpan.FromSeconds(30), "the replayed message handled");
        // Processed once: the total counts it once, and nothing more arrives afterwards.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, _poison.TimesHandled(messageId));
        await using (var scope = consumer.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == 1);
            Assert.Equal((2, 3L), (account.Count, account.Total));
            Assert.Equal(2, await db.Set<InboxMessage>().CountAsync());
        }
        Assert.Empty(await operations.PeekAsync(ErrorQueue));

        var entry = Assert.Single(await new OperationsAuditLog(_audit).ReadAsync());
        Assert.Equal(("replay", letter.MessageId, "ledger-flaky-entry", ErrorQueue), (entry.Action, entry.MessageId, entry.Target, entry.Queue));
        Assert.Equal(env.VirtualHost, entry.VirtualHost);
        Assert.Contains("Negative entry", entry.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_before_the_fix_parks_the_message_again_and_a_purge_keeps_it_in_the_audit()
    {
        using var consumer = await StartConsumerAsync();
        using var producer = await LedgerHost.StartAsync(env, "producer2");
        await PublishAsync(producer, new LedgerEntryPosted(2, -7), new LedgerEntryPosted(2, -8));
        var operations = Operations();
        var letters = await WaitForDeadLettersAsync(operations, 2);

        // Not fixed: --all replays the two messages the queue held, and does not chase them when they fail again.
        var replay = await SfOps.RunAsync(env, _audit, "dead-letters", "replay", ErrorQueue, "--all");
        Assert.True(replay.Exit == 0, replay.Output + replay.Error);
        Assert.Contains("2 replayed", replay.Output, StringComparison.Ordinal);
        var again = await WaitForDeadLettersAsync(operations, 2);
        Assert.Equal(letters.Select(l => l.MessageId).Order(), again.Select(l => l.MessageId).Order());

        var usage = await SfOps.RunAsync(env, _audit, "dead-letters", "purge", ErrorQueue);
        Assert.Equal(1, usage.Exit);
        var unknown = await SfOps.RunAsync(env, _audit, "dead-letters", "purge", ErrorQueue, "--message-id", Guid.NewGuid().ToString());
        Assert.Equal(3, unknown.Exit);
        Assert.Equal(2, (await operations.PeekAsync(ErrorQueue)).Count);

        var purge = await SfOps.RunAsync(env, _audit, "dead-letters", "purge", ErrorQueue, "--message-id", letters[0].MessageId, "--reason", "entry cancelled upstream");
        Assert.True(purge.Exit == 0, purge.Output + purge.Error);
        var left = Assert.Single(await operations.PeekAsync(ErrorQueue));
        Assert.Equal(letters[1].MessageId, left.MessageId);

        var audit = await new OperationsAuditLog(_audit).ReadAsync();
        Assert.Equal(["replay", "replay", "purge"], audit.Select(a => a.Action));
        var purged = audit[2];
        Assert.Equal((letters[0].MessageId, "entry cancelled upstream"), (purged.MessageId, purged.Reason));
        Assert.Contains("\"amount\":", purged.Body, StringComparison.Ordinal);
        Assert.Equal(0, _poison.TimesHandled(Guid.Parse(letters[0].MessageId)));
    }

    [Fact]
    public async Task A_dead_letter_whose_endpoint_queue_is_gone_stays_in_the_error_queue_and_is_not_audited()
    {
        // Parked by hand as MassTransit would have: its endpoint queue was deleted since.
        var broker = new BrokerAddress(new Uri(env.RabbitMqConnectionString), env.Servers.RabbitMqManagement);
        await using (var connection = await broker.CreateConnectionFactory().CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("retired-endpoint_error", durable: true, exclusive: false, autoDelete: false);
            var properties = new RabbitMQ.Client.BasicProperties
            {
                MessageId = "retired-1",
                ContentType = "application/vnd.masstransit+json",
                Headers = new Dictionary<string, object?>
                {
                    ["MT-Fault-Message"] = "boom"u8.ToArray(),
                    ["MT-Fault-InputAddress"] = System.Text.Encoding.UTF8.GetBytes($"rabbitmq://127.0.0.1/{env.VirtualHost}/retired-endpoint"),
                },
            };
            await channel.BasicPublishAsync(string.Empty, "retired-endpoint_error", mandatory: true, properties, """{"message":{}}"""u8.ToArray());
        }

        var replay = await SfOps.RunAsync(env, _audit, "dead-letters", "replay", "retired-endpoint_error", "--all");
        Assert.Equal(3, replay.Exit);
        Assert.Contains("0 replayed, 1 failed", replay.Output, StringComparison.Ordinal);
        var left = Assert.Single(await Operations().PeekAsync("retired-endpoint_error"));
        Assert.Equal(("retired-1", "retired-endpoint"), (left.MessageId, left.Endpoint));
        Assert.Empty(await new OperationsAuditLog(_audit).ReadAsync());
    }

    [Fact]
    public async Task Listing_error_queues_of_a_missing_virtual_host_fails_with_a_message()
    {
        var broker = new BrokerAddress(new UriBuilder(env.RabbitMqConnectionString) { Path = "/no-such-vhost" }.Uri, env.Servers.RabbitMqManagement);
        var operations = new DeadLetterOperations(broker, new OperationsAuditLog(_audit), "test");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => operations.ErrorQueuesAsync());
        Assert.Contains("no-such-vhost", error.Message, StringComparison.Ordinal);
    }

    private Task<IHost> StartConsumerAsync() => LedgerHost.StartAsync(
        env, "consumer",
        bus => bus.AddConsumer<FlakyEntryConsumer, FlakyEntryConsumerDefinition>(),
        services => services.AddSingleton(_poison));

    private static async Task PublishAsync(IHost producer, params LedgerEntryPosted[] entries)
    {
        await using var scope = producer.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        foreach (var entry in entries) outbox.Publish(entry);
        await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().SaveChangesAsync();
    }

    private DeadLetterOperations Operations() =>
        new(new BrokerAddress(new Uri(env.RabbitMqConnectionString), env.Servers.RabbitMqManagement), new OperationsAuditLog(_audit), "integration-test");

    // Read over AMQP, not the management API, whose statistics lag by seconds.
    private static Task<IReadOnlyList<DeadLetter>> WaitForDeadLettersAsync(DeadLetterOperations operations, int count) =>
        Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    return await operations.PeekAsync(ErrorQueue);
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    return (IReadOnlyList<DeadLetter>)[]; // the error queue is created with the first fault
                }
            },
            l => l.Count == count, TimeSpan.FromSeconds(30), $"{count} message(s) in {ErrorQueue}");

    public Task InitializeAsync() => env.InitializeAsync();

    public async Task DisposeAsync()
    {
        await env.DisposeAsync();
        File.Delete(_audit);
    }
}
