using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>A message whose handling keeps failing is retried, redelivered after a delay, then parked in _error, and leaves no effect.</summary>
public sealed class ConsumerFailureTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    [Fact]
    public async Task A_failing_message_ends_in_the_error_queue_with_its_changes_rolled_back()
    {
        var handlings = new RedeliveryCounts();
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<LedgerEntryPostedConsumer, LedgerEntryPostedConsumerDefinition>(),
            settings: new Dictionary<string, string?> { ["Messaging:Redelivery:Delays:0"] = "00:00:01" });
        consumer.Services.GetRequiredService<IBus>().ConnectConsumeObserver(handlings);
        using var producer = await LedgerHost.StartAsync(env, "producer");
        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Publish(new LedgerEntryPosted(7, -1));
            outbox.Publish(new LedgerEntryPosted(7, 5));
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().SaveChangesAsync();
        }

        // The retry policy spends about 9 s, waits a second in the waiting queue, spends 9 s again, then gives up.
        await Eventually.UntilAsync(() => env.Management.QueueDepthAsync(env.VirtualHost, "ledger-ledger-entry-posted_error"),
            n => n == 1, TimeSpan.FromSeconds(90), "the failing message in ledger-entry-posted_error");
        // Delivered, then redelivered once (MT-Redelivery-Count 1), then the error queue.
        Assert.Equal([0, 1], handlings.Seen);

        await using var check = consumer.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == 7);
        Assert.Equal((1, 5L), (account.Count, account.Total));
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync());
        // The management API refreshes queue statistics every few seconds.
        await Eventually.UntilAsync(() => env.Management.QueueDepthAsync(env.VirtualHost, "ledger-ledger-entry-posted"),
            n => n == 0, TimeSpan.FromSeconds(30), "nothing left in ledger-entry-posted");
    }
}

/// <summary>The redelivery counts of the deliveries one bus instance received (each counted once, retries included).</summary>
internal sealed class RedeliveryCounts : IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _seen = new();

    public int[] Seen => [.. _seen.Keys.Order()];

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        _seen[context.GetRedeliveryCount()] = true;
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
