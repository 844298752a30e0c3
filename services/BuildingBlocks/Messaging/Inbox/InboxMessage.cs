namespace SignauxFaibles.Messaging.Inbox;

/// <summary>"Message X was handled by consumer C": written in the same transaction as C's effects.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset HandledAt { get; set; }
}
