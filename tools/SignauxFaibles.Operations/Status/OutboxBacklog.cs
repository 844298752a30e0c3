namespace SignauxFaibles.Operations.Status;

/// <summary>Messages committed in a service database but not yet confirmed by the broker.</summary>
public sealed record OutboxBacklog(string Database, long Pending, DateTimeOffset? OldestCreatedAt)
{
    public TimeSpan? OldestAge(DateTimeOffset now) => OldestCreatedAt is { } at ? now - at : null;
}
