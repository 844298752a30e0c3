using System.Diagnostics.Metrics;

namespace SignauxFaibles.Notifications;

/// <summary>What ops watch: alerts routed, deliveries sent, retried and given up, and how long mails wait.</summary>
public static class NotificationsMetrics
{
    public const string Name = "SignauxFaibles.Notifications";

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> AlertsCreated =
        Meter.CreateCounter<long>("sf.notifications.alerts", "{alert}", "Inbox entries created (one per officer per change)");

    public static readonly Counter<long> UnplacedChanges =
        Meter.CreateCounter<long>("sf.notifications.unplaced_changes", "{change}", "Level changes of companies with no known establishment");

    public static readonly Counter<long> DeliveriesSent =
        Meter.CreateCounter<long>("sf.notifications.deliveries.sent", "{delivery}", "Mails and webhook calls accepted by the other side");

    public static readonly Counter<long> DeliveryRetries =
        Meter.CreateCounter<long>("sf.notifications.deliveries.retries", "{attempt}", "Failed attempts that will be retried");

    public static readonly Counter<long> DeliveriesFailed =
        Meter.CreateCounter<long>("sf.notifications.deliveries.failed", "{delivery}", "Deliveries given up (failed or bounced)");

    /// <summary>
    /// Puts every channel's sent, retried and failed series at zero, so that dashboards and alert
    /// rules see "no failure yet" rather than no data. Called once the telemetry pipeline listens.
    /// </summary>
    public static void StartChannelsAtZero()
    {
        foreach (var channel in Enum.GetNames<Deliveries.DeliveryChannel>())
        {
            var tag = new KeyValuePair<string, object?>("channel", channel);
            DeliveriesSent.Add(0, tag);
            DeliveryRetries.Add(0, tag);
            DeliveriesFailed.Add(0, tag, new KeyValuePair<string, object?>("status", nameof(Deliveries.DeliveryStatus.Failed)));
        }
    }

    public static readonly Histogram<double> DeliveryLatency =
        Meter.CreateHistogram<double>("sf.notifications.deliveries.latency", "s", "From the delivery's creation to its acceptance");
}
