namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// A message waiting to be published, written in the same transaction as the state change
/// that produced it. The relay deletes it once the broker has confirmed it.
/// </summary>
public sealed class OutboxMessage
{
    public const int LastErrorLength = 2000;

    /// <summary>Insertion order: the relay publishes in this order within a partition.</summary>
    public long Id { get; set; }

    /// <summary>MessageId on the wire; a republication after a crash keeps it, so inboxes recognise it.</summary>
    public Guid MessageId { get; set; }

    /// <summary>"Full.Type.Name, Assembly" of the contract.</summary>
    public required string MessageType { get; set; }

    /// <summary>The message as UTF-8 JSON; the relay forwards these bytes as the message of the envelope.</summary>
    public required byte[] Body { get; set; }

    /// <summary>Messages with the same key (e.g. a SIREN) are published in order; null means no ordering needed.</summary>
    public string? PartitionKey { get; set; }

    /// <summary>Optional group the writer wants to follow (e.g. all chunks of one ingestion batch): it knows they
    /// are all delivered when no row of the group is left.</summary>
    public string? Group { get; set; }

    /// <summary>W3C traceparent of the transaction that wrote the message, so a trace spans the outbox.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed publications counted against this row (not those of a broker outage).</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Why the last publication failed.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// Set when the row failed too often: the relay skips it (and goes on with the rows behind it)
    /// until an operator retries or drops it (<c>sf ops outbox parked</c>).
    /// </summary>
    public DateTimeOffset? ParkedAt { get; set; }
}
