namespace SignauxFaibles.Notifications.Deliveries;

/// <summary>What one attempt gave: sent, worth a retry, or refused for good.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, bool Retryable, string? Error)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryStatus.Sent, false, null);

    public static DeliveryOutcome Retry(string error) => new(DeliveryStatus.Pending, true, error);

    public static DeliveryOutcome Bounce(string error) => new(DeliveryStatus.Bounced, false, error);

    public static DeliveryOutcome Refused(string error) => new(DeliveryStatus.Failed, false, error);
}
