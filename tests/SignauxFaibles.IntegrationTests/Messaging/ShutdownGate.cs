using MassTransit;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>Holds a consumer in its handling until the host stops it (when <see cref="Hold"/>), and says when it got there.</summary>
public sealed class ShutdownGate
{
    public bool Hold { get; init; }

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Applies ledger entries like <see cref="LedgerEntryPostedConsumer"/>, but can be caught in the middle by a shutdown.</summary>
public sealed class InterruptibleEntryConsumer(LedgerDbContext db, ShutdownGate gate) : IdempotentConsumer<LedgerEntryPosted, LedgerDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<LedgerEntryPosted> context, CancellationToken cancellationToken)
    {
        await LedgerEntryPostedConsumer.ApplyAsync(Db, context.Message, cancellationToken);
        if (!gate.Hold) return;
        gate.Reached.TrySetResult();
        // Never ends by itself: only the host's stop (its consumer stop timeout) cancels it.
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }
}

public sealed class InterruptibleEntryConsumerDefinition : RetryingConsumerDefinition<InterruptibleEntryConsumer>;
