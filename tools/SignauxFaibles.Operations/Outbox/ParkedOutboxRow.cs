namespace SignauxFaibles.Operations.Outbox;

/// <summary>An outbox row the relay parked after it failed too often, as <c>sf ops outbox parked list</c> shows it.</summary>
public sealed record ParkedOutboxRow(
    string Database,
    long Id,
    Guid MessageId,
    string MessageType,
    string? PartitionKey,
    string? Group,
    DateTimeOffset CreatedAt,
    DateTimeOffset ParkedAt,
    int FailedAttempts,
    string? LastError,
    int BodyBytes);
