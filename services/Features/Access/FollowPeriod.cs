namespace SignauxFaibles.Features.Access;

/// <summary>
/// A finished follow-up (table <c>follow_periods</c>): who followed which company, why, from when to
/// when. Unfollowing removes the current follow but keeps this trace (access.md: following is what
/// opens confidential data, so it must be answerable afterwards).
/// </summary>
public sealed class FollowPeriod
{
    public long Id { get; set; }
    public required string Officer { get; set; }
    public required string Siren { get; set; }
    public FollowReason Reason { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset Until { get; set; }

    /// <summary>Where the follow-up stood when it ended.</summary>
    public FollowStatus Status { get; set; }
}
