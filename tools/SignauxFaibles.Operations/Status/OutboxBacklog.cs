namespace SignauxFaibles.Operations.Status;

/// <summary>
/// Messages committed in a service database but not yet confirmed by the broker; parked ones (failed
/// too often, skipped by the relay until an operator acts) counted apart.
/// </summary>
public sealed record OutboxBacklog(string Database, long Pending, DateTimeOffset? OldestCreatedAt, long Parked = 0)
{
    public TimeSpan? OldestAge(DateTimeOffset now) => OldestCreatedAt is { } at ? now - at : null;
}
