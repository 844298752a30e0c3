namespace SignauxFaibles.Operations.Status;

/// <summary>
/// A delivered file not finished yet, from an ingestion service's batch ledger: Received (waiting
/// for the parser), Parsing (counters advance every second) or Published (its chunks are in the
/// outbox; <see cref="ChunksInOutbox"/> counts down to zero).
/// </summary>
public sealed record RunningBatch(
    string Database,
    Guid Id,
    string Source,
    string FileKind,
    string FileName,
    string Status,
    long SizeBytes,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? StartedAt,
    long LinesRead,
    long RecordsAccepted,
    long LinesRejected,
    long RecordsPublished,
    long ChunksInOutbox)
{
    /// <summary>Lines read per second since parsing started (null before).</summary>
    public double? LinesPerSecond(DateTimeOffset now) =>
        StartedAt is { } started && now > started ? LinesRead / (now - started).TotalSeconds : null;
}
