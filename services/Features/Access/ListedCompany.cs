using System.Text.Json.Serialization;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Features.Access;

/// <summary>A company's current alert level as the scoring service last announced it (table <c>listed_companies</c>).</summary>
public sealed class ListedCompany
{
    public required string Siren { get; set; }
    public RiskLevel Level { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>An officer following a company, with the reason access.md requires (table <c>followed_companies</c>).</summary>
public sealed class FollowedCompany
{
    public required string Officer { get; set; }
    public required string Siren { get; set; }
    public FollowReason Reason { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset Since { get; set; }

    /// <summary>Where the follow-up stands (en cours, sous surveillance, clos).</summary>
    public FollowStatus Status { get; set; }

    /// <summary>The officer's verdict on the alert, once given (published as AlertVerdictRecorded).</summary>
    public bool? Useful { get; set; }
    public string? VerdictReason { get; set; }
    public DateTimeOffset? VerdictAt { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FollowStatus>))]
public enum FollowStatus
{
    /// <summary>En cours.</summary>
    InProgress,

    /// <summary>Sous surveillance.</summary>
    UnderWatch,

    /// <summary>Clos.</summary>
    Closed,
}

/// <summary>A comment or an action taken, in the follow-up of a company by an officer (table <c>follow_notes</c>).</summary>
public sealed class FollowNote
{
    public long Id { get; set; }
    public required string Officer { get; set; }
    public required string Siren { get; set; }
    public FollowNoteKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FollowNoteKind>))]
public enum FollowNoteKind
{
    Comment,
    Action,
}

[JsonConverter(typeof(JsonStringEnumConverter<FollowReason>))]
public enum FollowReason
{
    /// <summary>Contacted by the company or a partner.</summary>
    Contacted,

    /// <summary>Heard of through the local network or the press.</summary>
    LocalNetwork,

    /// <summary>Anything else: a comment is mandatory.</summary>
    Other,
}
