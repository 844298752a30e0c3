namespace SignauxFaibles.Notifications.Mail;

/// <summary>Settings of the <c>Notifications:Smtp</c> section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 2525;

    /// <summary>None (a local sink), StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "None";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "alertes@signaux-faibles.local";

    public string FromName { get; set; } = "Signaux Faibles";

    /// <summary>Connect and command timeout: an unreachable server must not stall the sender for long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
