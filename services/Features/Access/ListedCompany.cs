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
