namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// Publishes through the service's database: the message is stored with the pending changes of
/// the current DbContext and reaches the broker only if they commit.
/// </summary>
public interface IOutbox
{
    /// <param name="partitionKey">Messages sharing a key are published in order (e.g. one company's updates).</param>
    void Publish<T>(T message, string? partitionKey = null)
        where T : class;
}
