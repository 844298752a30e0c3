using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Routing;

namespace SignauxFaibles.Notifications.Inbox;

/// <summary>
/// One officer told about one change of a company's level: the inbox entry. (OfficerId, ChangeKey)
/// is unique in the database, so however often the change is delivered, the officer gets it once.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }

    public Guid OfficerId { get; set; }

    /// <summary>The change's identity: company, month and the two levels (see <see cref="ChangeKeys"/>).</summary>
    public required string ChangeKey { get; set; }

    public Siren Siren { get; set; }

    public string? CompanyName { get; set; }

    public YearMonth Month { get; set; }

    public RiskLevel PreviousLevel { get; set; }

    public RiskLevel Level { get; set; }

    /// <summary>Names of the explanation's main themes, strongest first (no figures).</summary>
    public List<string> MainThemes { get; set; } = [];

    public MailPlan MailPlan { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgementComment { get; set; }

    /// <summary>When the alert went into a daily digest (only for <see cref="Routing.MailPlan.Digest"/>).</summary>
    public DateTimeOffset? DigestedAt { get; set; }
}
