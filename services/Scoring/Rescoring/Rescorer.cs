using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.Scoring.Rescoring;

/// <summary>
/// Runs queued rescores: every company with indicators, in pages of SIREN order, each page scored
/// (half on each core) and written in one transaction with its level-change
/// events, while the next page is read and the previous one committed. Per-company <c>RiskScored</c> events are not published here: a rescore is announced by
/// its level changes and its run record, not by one event per company of the country.
/// </summary>
public sealed class Rescorer(IServiceScopeFactory scopes, RescoreQueue queue, ActiveModelCache models, IConfiguration configuration, ILogger<Rescorer> logger)
    : BackgroundService
{
    private readonly int _pageSize = configuration.GetValue("Rescoring:PageSize", 4000);
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
        var progress = new RunProgress();
        try
        {
            // Three stages, one page in each: reading the next page and committing the previous one
            // (mostly the database's work) overlap with scoring the current one (both cores).
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var read = Channel.CreateBounded<IReadOnlyList<ScoringInput>>(1);
            var scored = Channel.CreateBounded<ScoredPage>(1);
            var stages = new[]
            {
                Stage(() => ReadPagesAsync(read.Writer, failed.Token), read.Writer, failed),
                Stage(() => ScorePagesAsync(read.Reader, scored.Writer, failed.Token), scored.Writer, failed),
                Stage<ScoredPage>(() => WritePagesAsync(runId, scored.Reader, progress, failed.Token), output: null, failed),
            };
            var all = Task.WhenAll(stages);
            try
            {
                await all;
            }
            catch when (all.Exception is { } failures)
            {
                // The stages stopped by the failing one end cancelled: report the failure itself.
                ExceptionDispatchInfo.Throw(failures.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.InnerExceptions[0]);
            }
            await FinishAsync(runId, RescoreStatus.Completed, null, ct);
            logger.LogInformation("Rescore {Run} with {Version}: {Scored} companies scored, {Changes} level changes in {Seconds:F1} s",
                runId, progress.Version, progress.Scored, progress.Changes, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Rescore {Run} failed", runId);
            await FinishAsync(runId, RescoreStatus.Failed, e.Message, ct);
        }
    }

    /// <summary>Runs a stage; its end completes its output, and its failure stops the other stages.</summary>
    private static async Task Stage<T>(Func<Task> run, ChannelWriter<T>? output, CancellationTokenSource failed)
    {
        try
        {
            await run();
            output?.TryComplete();
        }
        catch (Exception e)
        {
            output?.TryComplete(e);
            await failed.CancelAsync();
            throw;
        }
    }

    private async Task ReadPagesAsync(ChannelWriter<IReadOnlyList<ScoringInput>> pages, CancellationToken ct)
    {
        Siren? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var phase = Stopwatch.StartNew();
            var inputs = await scope.ServiceProvider.GetRequiredService<SnapshotStore>().PageAsync(after, _pageSize, ct);
            if (inputs.Count == 0) return;
            logger.LogDebug("Rescore page of {Count} read in {Seconds:F2} s", inputs.Count, phase.Elapsed.TotalSeconds);
            await pages.WriteAsync(inputs, ct);
            after = inputs[^1].Siren;
        }
    }

    private async Task ScorePagesAsync(ChannelReader<IReadOnlyList<ScoringInput>> pages, ChannelWriter<ScoredPage> scored, CancellationToken ct)
    {
        await foreach (var inputs in pages.ReadAllAsync(ct))
        {
            ActiveModel active;
            await using (var scope = scopes.CreateAsyncScope())
            {
                active = await models.GetAsync(scope.ServiceProvider.GetRequiredService<ScoringDbContext>(), ct)
                    ?? throw new InvalidOperationException("No model version is active.");
            }
            var phase = Stopwatch.StartNew();
            var results = await ScoreInParallelAsync(active, inputs);
            logger.LogDebug("Rescore page of {Count} scored in {Seconds:F2} s", inputs.Count, phase.Elapsed.TotalSeconds);
            await scored.WriteAsync(new ScoredPage(active, inputs.Count, results), ct);
        }
    }

    /// <summary>Each page commits its scores, level-change events and the run's progress together.</summary>
    private async Task WritePagesAsync(long runId, ChannelReader<ScoredPage> pages, RunProgress progress, CancellationToken ct)
    {
        await foreach (var page in pages.ReadAllAsync(ct))
        {
            var phase = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            progress.Changes += await scope.ServiceProvider.GetRequiredService<ScoreStore>().WriteAsync(page.Model, page.Results, publishScores: false, path: "rescore", ct);
            progress.Scored += page.Results.Count(r => r.Score is not null);
            progress.Version = page.Model.Version;
            await db.RescoreRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Companies, r => r.Companies + page.Companies)
                .SetProperty(r => r.Scored, progress.Scored).SetProperty(r => r.LevelChanges, progress.Changes)
                .SetProperty(r => r.ModelVersion, progress.Version), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogDebug("Rescore page of {Count} written in {Seconds:F2} s", page.Companies, phase.Elapsed.TotalSeconds);
        }
    }

    private sealed record ScoredPage(ActiveModel Model, int Companies, IReadOnlyList<ScoringResult> Results);

    private sealed class RunProgress
    {
        public int Scored { get; set; }
        public int Changes { get; set; }
        public string? Version { get; set; }
    }

    /// <summary>Scoring a list runs on one thread: two halves of a page use both cores.</summary>
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
