using System.Diagnostics;
using MassTransit;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// Online scoring: keeps the companies' latest indicators and scores again those whose latest
/// month changed, with the active model (none active: the indicators are kept, and the first
/// promotion's rescore scores them). Scores, standings, inbox row and published events commit
/// together or not at all.
/// </summary>
public sealed class IndicatorsUpdatedConsumer(ScoringDbContext db, SnapshotStore snapshots, ScoreStore scores, ActiveModelCache models)
    : IdempotentConsumer<CompanyIndicatorsUpdated, ScoringDbContext>(db)
{
    private const int SingleRowLimit = 16;

    protected override async Task HandleAsync(ConsumeContext<CompanyIndicatorsUpdated> context, CancellationToken ct)
    {
        var changed = await snapshots.ApplyAsync(context.Message.Companies, ct);
        if (changed.Count == 0) return;
        var active = await models.GetAsync(Db, ct);
        if (active is null) return;
        var inputs = await snapshots.InputsAsync(changed, ct);
        // A few companies: the pooled prediction engines, row by row. A chunk of a delivery: one
        // batch transform, several times faster per company (same figures, see ExplanationTests).
        var results = inputs.Count <= SingleRowLimit
            ? inputs.Select(input => CompanyScorer.ScoreOne(active, input)).ToArray()
            : ScoreChunk(active, inputs);
        await scores.WriteAsync(active, results, publishScores: true, path: "online", ct);
    }

    /// <summary>One batch transform; each company's share of its time goes to the score duration histogram.</summary>
    private static IReadOnlyList<ScoringResult> ScoreChunk(ActiveModel active, IReadOnlyList<ScoringInput> inputs)
    {
        var started = Stopwatch.GetTimestamp();
        var results = CompanyScorer.ScoreMany(active, inputs);
        var scored = results.Count(r => r.Score is not null);
        if (scored > 0)
        {
            var each = Stopwatch.GetElapsedTime(started).TotalSeconds / scored;
            for (var i = 0; i < scored; i++) ScoringMetrics.ScoreDuration.Record(each);
        }
        return results;
    }
}

public sealed class IndicatorsUpdatedConsumerDefinition : RetryingConsumerDefinition<IndicatorsUpdatedConsumer>
{
    public IndicatorsUpdatedConsumerDefinition()
    {
        EndpointName = "scoring-company-indicators-updated";
        // Chunks of companies, each scored in one transaction: two in flight keep both cores busy.
        // Two chunks holding the same company serialise on its standing row (upsert), and the
        // revision check keeps the newer values whatever the order.
        ConcurrentMessageLimit = 2;
    }
}
