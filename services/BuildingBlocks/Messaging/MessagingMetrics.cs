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

    public static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("sf.inbox.duplicates", "{message}", "Redelivered messages recognised and skipped");

    public static readonly Counter<long> InboxHandled =
        Meter.CreateCounter<long>("sf.inbox.handled", "{message}", "Messages handled for the first time");
}
