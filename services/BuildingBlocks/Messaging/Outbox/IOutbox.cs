namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// Publishes through the service's database: the message is stored with the pending changes of
/// the current DbContext and reaches the broker only if they commit.
/// </summary>
public interface IOutbox
{
    /// <param name="partitionKey">Messages sharing a key are published in order (e.g. one company's updates).</param>
    /// <param name="group">Lets the writer see when a set of messages has been delivered (see <see cref="OutboxMessage.Group"/>).</param>
    void Publish<T>(T message, string? partitionKey = null, string? group = null)
        where T : class;

    /// <summary>
    /// Publishes a message already serialised with <see cref="OutboxJson.Options"/> (UTF-8 JSON of a
    /// <paramref name="messageType"/>), for writers that prepare large bodies off their own thread.
    /// </summary>
    void PublishSerialized(Type messageType, byte[] utf8Json, string? partitionKey = null, string? group = null);

    /// <summary>
    /// Stores many messages now, by binary COPY on the context's connection, inside its current
    /// transaction (required: they must commit or roll back with the caller's changes). For writers
    /// of thousands of messages a second, where tracking each row costs more than the work itself.
    /// They are stored before anything still pending in the context, so in a partition they come
    /// before messages published with <see cref="Publish{T}"/> earlier in the same transaction.
    /// </summary>
    Task PublishManyAsync<T>(IReadOnlyCollection<(T Message, string? PartitionKey)> messages, CancellationToken ct)
        where T : class;
}
