using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>A message whose handling keeps failing is retried, then parked in _error, and leaves no effect.</summary>
public sealed class ConsumerFailureTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    [Fact]
    public async Task A_failing_message_ends_in_the_error_queue_with_its_changes_rolled_back()
    {
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<LedgerEntryPostedConsumer, LedgerEntryPostedConsumerDefinition>());
        using var producer = await LedgerHost.StartAsync(env, "producer");
        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Publish(new LedgerEntryPosted(7, -1));
            outbox.Publish(new LedgerEntryPosted(7, 5));
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().SaveChangesAsync();
        }

        // The retry policy spends about 9 s before giving up.
        await Eventually.UntilAsync(() => env.Management.QueueDepthAsync(env.VirtualHost, "ledger-ledger-entry-posted_error"),
            n => n == 1, TimeSpan.FromSeconds(60), "the failing message in ledger-entry-posted_error");

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
