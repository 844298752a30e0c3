using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Messaging.Inbox;

/// <summary>
/// Runs a handler at most once per message: the inbox row, the handler's state changes and the
/// messages it publishes through <see cref="IOutbox"/> commit in one transaction. A redelivered
/// message finds its inbox row and is acknowledged without a second effect. If the handler
/// fails, the transaction rolls back and the exception reaches MassTransit (retry, then _error):
/// a failed message is never acknowledged.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    // A generic consumer shared by services is named with its arguments' short names: the assembly-qualified
    // full name would not fit the inbox key, and a rename of an assembly must not replay its messages.
    private string ConsumerName => GetType() is { IsGenericType: true } t
        ? $"{t.Namespace}.{t.Name}[{string.Join(',', t.GenericTypeArguments.Select(a => a.Name))}]"
        : GetType().FullName ?? GetType().Name;

    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} has no MessageId; it cannot be deduplicated.");
        var ct = context.CancellationToken;
        var consumer = ConsumerName;

        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        if (await Db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct))
        {
            MessagingMetrics.InboxDuplicates.Add(1);
            return;
        }

        // Inserted first: a concurrent redelivery of the same message blocks on this key and
        // then fails, so only one of the two commits.
        Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, HandledAt = DateTimeOffset.UtcNow });
        await HandleAsync(context, ct);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        MessagingMetrics.InboxHandled.Add(1);
    }

    /// <summary>Applies the message to <see cref="Db"/>; do not commit, the base class does.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
