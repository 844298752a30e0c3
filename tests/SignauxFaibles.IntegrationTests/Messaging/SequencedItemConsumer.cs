using MassTransit;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>Records arrivals one at a time, so the stored order is the queue's order.</summary>
public sealed class SequencedItemConsumer(LedgerDbContext db) : IdempotentConsumer<SequencedItemPublished, LedgerDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<SequencedItemPublished> context, CancellationToken cancellationToken)
    {
        Db.ReceivedItems.Add(new ReceivedItem { Partition = context.Message.Partition, Sequence = context.Message.Sequence });
        return Task.CompletedTask;
    }
}

public sealed class SequencedItemConsumerDefinition : RetryingConsumerDefinition<SequencedItemConsumer>
{
    public SequencedItemConsumerDefinition()
    {
        ConcurrentMessageLimit = 1;
    }
}
