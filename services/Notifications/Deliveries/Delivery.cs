namespace SignauxFaibles.Notifications.Deliveries;

public enum DeliveryChannel
{
    Email,
    Webhook,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its first attempt or for its next retry (<see cref="Delivery.NextAttemptAt"/>).</summary>
    Pending,

    Sent,

    /// <summary>Gave up after the last retry; an operator may put it back to pending.</summary>
    Failed,

    /// <summary>The mail server refused the address for good (5xx): retrying would not help.</summary>
    Bounced,
}

/// <summary>
/// One message to send (a mail or a webhook call), written in the same transaction as the alert
/// that asks for it and sent later by <see cref="DeliverySender"/>, so a slow or absent mail
/// server never holds up the consumer. <see cref="Key"/> is unique: "mail:{alert}",
/// "digest:{officer}:{day}", "webhook:{institution}:{change}" — one message per purpose, ever.
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public DeliveryChannel Channel { get; set; }

    public Guid? OfficerId { get; set; }

    /// <summary>E-mail address or webhook URL.</summary>
    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain-text mail body, or the webhook's JSON.</summary>
    public required string Body { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
