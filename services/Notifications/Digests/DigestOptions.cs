namespace SignauxFaibles.Notifications.Digests;

/// <summary>Settings of the <c>Notifications:Digest</c> section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Notifications:Digest";

    /// <summary>Local time of the daily digest.</summary>
    public TimeOnly At { get; set; } = new(7, 0);

    /// <summary>The officers' time zone (IANA id).</summary>
    public string TimeZone { get; set; } = "Europe/Paris";
}
