namespace SignauxFaibles.Notifications.Deliveries;

/// <summary>Settings of the <c>Notifications:Delivery</c> section.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications:Delivery";

    /// <summary>How often pending deliveries are looked for when nothing wakes the sender.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after the first failure; doubled at each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is marked failed (the default spans about a day).</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>Deliveries claimed per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Where mails link to: the company's file in the officers' application; {siren} is replaced.</summary>
    public string CompanyFileUrl { get; set; } = "http://localhost:5100/companies/{siren}";

    public string InboxUrl { get; set; } = "http://localhost:5100/inbox";
}
