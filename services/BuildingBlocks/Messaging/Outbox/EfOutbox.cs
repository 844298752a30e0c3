using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.Messaging.Outbox;

internal sealed class EfOutbox<TDbContext>(TDbContext db, TimeProvider clock) : IOutbox
    where TDbContext : DbContext
{
    public void Publish<T>(T message, string? partitionKey = null, string? group = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        PublishSerialized(message.GetType(), JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), MessageTypes.JsonOptions), partitionKey, group);
    }

    public void PublishSerialized(Type messageType, byte[] utf8Json, string? partitionKey = null, string? group = null)
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = MessageTypes.NameOf(messageType),
            Body = utf8Json,
            PartitionKey = partitionKey,
            Group = group,
            TraceParent = Activity.Current?.Id,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
