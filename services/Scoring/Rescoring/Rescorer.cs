using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.Scoring.Rescoring;

/// <summary>
/// Runs queued rescores: every company with indicators, in pages of SIREN order, each page scored
/// by batch transforms (half on each core) and written in one transaction with its level-change
/// events. Per-company <c>RiskScored</c> events are not published here: a rescore is announced by
/// its level changes and its run record, not by one event per company of the country.
/// </summary>
public sealed class Rescorer(IServiceScopeFactory scopes, RescoreQueue queue, ActiveModelCache models, ILogger<Rescorer> logger) : BackgroundService
{
    private const int PageSize = 4000;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } runId) await RunAsync(runId, stoppingToken);
                await queue.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Rescoring loop failed; retrying");
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }

    private async Task<long?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var claimed = await db.Database.SqlQuery<long>($"""
            update rescore_runs set status = 'Running', started_at = now()
            where id = (select id from rescore_runs where status = 'Queued' order by id limit 1 for update skip locked)
            returning id as "Value"
            """).ToListAsync(ct);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private async Task RunAsync(long runId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (scored, changes) = (0, 0);
        string? version = null;
        try
        {
            Siren? after = null;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
                var active = await models.GetAsync(db, ct) ?? throw new InvalidOperationException("No model version is active.");
                version = active.Version;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var phase = Stopwatch.StartNew();
                var inputs = await scope.ServiceProvider.GetRequiredService<SnapshotStore>().PageAsync(after, PageSize, ct);
                if (inputs.Count == 0) break;
                var read = phase.Elapsed;
                var results = await ScoreInParallelAsync(active, inputs);
                var score = phase.Elapsed - read;
                changes += await scope.ServiceProvider.GetRequiredService<ScoreStore>().WriteAsync(active, results, publishScores: false, path: "rescore", ct);
                logger.LogDebug("Rescore page of {Count}: read {Read:F2} s, score {Score:F2} s, write {Write:F2} s",
                    inputs.Count, read.TotalSeconds, score.TotalSeconds, (phase.Elapsed - read - score).TotalSeconds);
                scored += results.Count(r => r.Score is not null);
                await db.RescoreRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Companies, r => r.Companies + inputs.Count)
                    .SetProperty(r => r.Scored, scored).SetProperty(r => r.LevelChanges, changes).SetProperty(r => r.ModelVersion, version), ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                after = inputs[^1].Siren;
            }
            await FinishAsync(runId, RescoreStatus.Completed, null, ct);
            logger.LogInformation("Rescore {Run} with {Version}: {Scored} companies scored, {Changes} level changes in {Seconds:F1} s",
                runId, version, scored, changes, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Rescore {Run} failed", runId);
            await FinishAsync(runId, RescoreStatus.Failed, e.Message, ct);
        }
    }

    /// <summary>ML.NET's batch transform runs on one thread: two halves of a page use both cores.</summary>
    private static async Task<IReadOnlyList<ScoringResult>> ScoreInParallelAsync(ActiveModel active, IReadOnlyList<ScoringInput> inputs)
    {
        var half = inputs.Count / 2;
        if (half < 200) return CompanyScorer.ScoreMany(active, inputs);
        var first = Task.Run(() => CompanyScorer.ScoreMany(active, inputs.Take(half).ToArray()));
        var second = Task.Run(() => CompanyScorer.ScoreMany(active, inputs.Skip(half).ToArray()));
        return (await first).Concat(await second).ToArray();
    }

    private async Task FinishAsync(long runId, RescoreStatus status, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var message = error is { Length: > 2000 } ? error[..2000] : error;
        await db.RescoreRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow).SetProperty(r => r.Error, message), ct);
    }
}
