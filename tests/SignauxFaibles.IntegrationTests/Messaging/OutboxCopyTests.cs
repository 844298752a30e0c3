using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// <see cref="IOutbox.PublishManyAsync{T}"/> stores by COPY in the caller's transaction: it refuses to
/// run without one, a rollback publishes nothing, and a commit publishes each message once, in
/// order within a partition, before what the same partition publishes in later transactions.
/// </summary>
public sealed class OutboxCopyTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const int Partitions = 10;
    private const int PerTransaction = 50;

    [Fact]
    public async Task Messages_copied_into_the_outbox_commit_or_roll_back_with_the_transaction_and_keep_partition_order()
    {
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<SequencedItemConsumer, SequencedItemConsumerDefinition>());
        using var producer = await LedgerHost.StartAsync(env, "producer");
        var deliveries = new ConsumeCounter();
        consumer.Services.GetRequiredService<IBus>().ConnectConsumeObserver(deliveries);

        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.PublishManyAsync(Items(1), CancellationToken.None));
            Assert.Contains("transaction", error.Message, StringComparison.Ordinal);
        }

        // Sequences 1..50 are rolled back (never published); 51..100 by COPY, then 101..150 through Publish.
        await WriteAsync(producer.Services, 1, copy: true, commit: false);
        await WriteAsync(producer.Services, PerTransaction + 1, copy: true, commit: true);
        await WriteAsync(producer.Services, 2 * PerTransaction + 1, copy: false, commit: true);

        var total = Partitions * 2 * PerTransaction;
        await Eventually.UntilAsync(() => LedgerHost.ReceivedCountAsync(consumer.Services), n => n >= total, TimeSpan.FromSeconds(60), $"{total} items received");
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using var read = consumer.Services.CreateAsyncScope();
        var received = await read.ServiceProvider.GetRequiredService<LedgerDbContext>().ReceivedItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(total, received.Count);
        Assert.Equal(total, deliveries.Count);
        foreach (var partition in received.GroupBy(i => i.Partition))
        {
            Assert.Equal(Enumerable.Range(PerTransaction + 1, 2 * PerTransaction), partition.Select(i => i.Sequence));
        }
    }

    private static List<(SequencedItemPublished, string?)> Items(int firstSequence) =>
        Enumerable.Range(firstSequence, PerTransaction)
            .SelectMany(sequence => Enumerable.Range(0, Partitions).Select(p => (new SequencedItemPublished($"p{p:D2}", sequence), (string?)$"p{p:D2}")))
            .ToList();

    private static async Task WriteAsync(IServiceProvider services, int firstSequence, bool copy, bool commit)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (copy)
        {
            await outbox.PublishManyAsync(Items(firstSequence), CancellationToken.None);
        }
        else
        {
            foreach (var (item, partition) in Items(firstSequence)) outbox.Publish(item, partition);
        }
        await db.SaveChangesAsync();
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
    }
}
