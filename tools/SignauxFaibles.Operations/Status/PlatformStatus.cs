using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.Operations.Status;

/// <summary>Everything sf ops status shows, gathered at <see cref="At"/>. A part that could not be
/// read is empty and says why in <see cref="Problems"/>: a status screen must show what it can.</summary>
public sealed record PlatformStatus(
    DateTimeOffset At,
    string VirtualHost,
    IReadOnlyList<QueueStatistics> Queues,
    IReadOnlyList<OutboxBacklog> Outboxes,
    IReadOnlyList<RunningBatch> Batches,
    IReadOnlyList<string> Problems);
