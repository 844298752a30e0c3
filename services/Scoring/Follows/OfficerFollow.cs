using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.FollowUp;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Follows;

/// <summary>
/// This service's copy of who follows which company (table <c>officer_follows</c>): a followed
/// company's scores are open to its officer even off the lists (access.md). The newest change wins,
/// so a late redelivery cannot reopen an ended follow.
/// </summary>
public sealed class OfficerFollow
{
    public required string Officer { get; set; }
    public Siren Siren { get; set; }
    public bool Following { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class CompanyFollowingChangedConsumer(ScoringDbContext db) : IdempotentConsumer<CompanyFollowingChanged, ScoringDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<CompanyFollowingChanged> context, CancellationToken ct)
    {
        var change = context.Message;
        var row = await Db.OfficerFollows.FindAsync([change.Officer, change.Siren], ct);
        if (row is null) Db.OfficerFollows.Add(row = new OfficerFollow { Officer = change.Officer, Siren = change.Siren, ChangedAt = DateTimeOffset.MinValue });
        if (change.ChangedAt < row.ChangedAt) return;
        (row.Following, row.ChangedAt) = (change.Following, change.ChangedAt);
    }
}

public sealed class CompanyFollowingChangedConsumerDefinition : RetryingConsumerDefinition<CompanyFollowingChangedConsumer>
{
    public CompanyFollowingChangedConsumerDefinition() => EndpointName = "scoring-company-following-changed";
}
