using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// Two instances of a service (two relays on one outbox) publish every message once, and the
/// messages of one partition in the order they were written.
/// </summary>
public sealed class OutboxOrderingTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const int Partitions = 20;
    private const int PerPartition = 100;
    private const int PerTransaction = 10;

    [Fact]
    public async Task Two_relays_on_one_outbox_keep_per_partition_order_and_publish_once()
    {
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<SequencedItemConsumer, SequencedItemConsumerDefinition>());
        using var first = await LedgerHost.StartAsync(env, "producer");
        using var second = await LedgerHost.StartAsync(env, "producer");

        var deliveries = new ConsumeCounter();
        consumer.Services.GetRequiredService<IBus>().ConnectConsumeObserver(deliveries);

        // Successive updates of each partition, written alternately through both instances in
        // transactions of a few hundred rows, so both relays see the same pending rows.
        for (var sequence = 1; sequence <= PerPartition; sequence += PerTransaction)
        {
            await WriteAsync((sequence / PerTransaction % 2 == 0 ? first : second).Services, sequence);
        }

        var total = Partitions * PerPartition;
        await Eventually.UntilAsync(() => LedgerHost.ReceivedCountAsync(consumer.Services), n => n >= total, TimeSpan.FromSeconds(90), $"{total} items received");
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using var scope = consumer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var received = await db.ReceivedItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(total, received.Count);
        // Every message crossed the broker once: only one relay published.
        Assert.Equal(total, deliveries.Count);
        foreach (var partition in received.GroupBy(i => i.Partition))
        {
            Assert.Equal(Enumerable.Range(1, PerPartition), partition.Select(i => i.Sequence));
        }
    }

    private static async Task WriteAsync(IServiceProvider services, int firstSequence)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        for (var sequence = firstSequence; sequence < firstSequence + PerTransaction; sequence++)
        {
            for (var p = 0; p < Partitions; p++)
            {
                var partition = $"p{p:D2}";
                outbox.Publish(new SequencedItemPublished(partition, sequence), partition);
            }
        }
        await db.SaveChangesAsync();
    }
}
