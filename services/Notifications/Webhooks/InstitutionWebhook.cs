namespace SignauxFaibles.Notifications.Webhooks;

/// <summary>An institution's optional endpoint, called once per change that alerted at least one of its officers.</summary>
public sealed class InstitutionWebhook
{
    public required string Institution { get; set; }

    public required string Url { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
