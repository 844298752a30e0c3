using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SignauxFaibles.Messaging;

/// <summary>Telemetry of the outbox and inbox, exported by the service defaults.</summary>
public static class MessagingMetrics
{
    public const string Name = "SignauxFaibles.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("sf.outbox.published", "{message}", "Outbox messages confirmed by the broker");

    public static readonly Counter<long> OutboxParked =
        Meter.CreateCounter<long>("sf.outbox.parked", "{message}", "Outbox rows parked after failing too often (the relay skips them)");

    public static readonly Counter<long> Redelivered =
        Meter.CreateCounter<long>("sf.consumer.redelivered", "{message}", "Messages sent to a waiting queue for a delayed redelivery after their immediate retries failed");

    public static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("sf.inbox.duplicates", "{message}", "Redelivered messages recognised and skipped");

    public static readonly Counter<long> InboxHandled =
        Meter.CreateCounter<long>("sf.inbox.handled", "{message}", "Messages handled for the first time");

    // Latest sample per outbox (DbContext name), written by OutboxBacklogSampler.
    private static readonly ConcurrentDictionary<string, (long Pending, double OldestAgeSeconds, long Parked)> Backlogs = new();

    static MessagingMetrics()
    {
        Meter.CreateObservableGauge("sf.outbox.pending", () => Backlogs.Select(b => new Measurement<long>(b.Value.Pending, Outbox(b.Key))),
            "{message}", "Outbox rows committed and not yet confirmed by the broker");
        Meter.CreateObservableGauge("sf.outbox.oldest.age", () => Backlogs.Select(b => new Measurement<double>(b.Value.OldestAgeSeconds, Outbox(b.Key))),
            "s", "Age of the oldest outbox row (0 when empty): grows when the relay is stuck");
        Meter.CreateObservableGauge("sf.outbox.parked.rows", () => Backlogs.Select(b => new Measurement<long>(b.Value.Parked, Outbox(b.Key))),
            "{message}", "Outbox rows parked and waiting for an operator (sf ops outbox parked)");
    }

    public static void RecordOutboxBacklog(string outbox, long pending, TimeSpan oldestAge, long parked) =>
        Backlogs[outbox] = (pending, Math.Max(0, oldestAge.TotalSeconds), parked);

    private static KeyValuePair<string, object?> Outbox(string name) => new("outbox", name);
}
