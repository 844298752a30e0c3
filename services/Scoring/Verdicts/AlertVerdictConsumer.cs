using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Verdicts;

/// <summary>
/// Keeps each verdict beside the score it judges. The officer's identity and words stay with the
/// feature service (the follow-up); training needs the company, the month, the version and the answer.
/// </summary>
public sealed class AlertVerdictConsumer(ScoringDbContext db) : IdempotentConsumer<AlertVerdictRecorded, ScoringDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AlertVerdictRecorded> context, CancellationToken ct)
    {
        var verdict = context.Message;
        var standing = await Db.Standings.AsNoTracking().Where(s => s.Siren == verdict.Siren)
            .Select(s => new { s.ModelVersion, s.Month }).FirstOrDefaultAsync(ct);
        Db.AlertVerdicts.Add(new AlertVerdict
        {
            Siren = verdict.Siren, Institution = verdict.Institution, Useful = verdict.Useful, Level = verdict.Level,
            RecordedAt = verdict.RecordedAt, ModelVersion = standing?.ModelVersion, Month = standing?.Month,
        });
    }
}

public sealed class AlertVerdictConsumerDefinition : RetryingConsumerDefinition<AlertVerdictConsumer>
{
    public AlertVerdictConsumerDefinition() => EndpointName = "scoring-alert-verdict-recorded";
}
