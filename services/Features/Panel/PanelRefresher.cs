using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// Recomputes marked companies in batches: claims them (skipping those another instance holds),
/// locks them, computes their whole panel from their facts with the shared calculator, writes
/// only the series (a company's or an establishment's months) that changed and announces the companies whose indicators changed — one
/// transaction per batch, so a crash loses nothing and publishes nothing twice.
/// </summary>
public sealed class PanelRefresher(IServiceScopeFactory scopes, PanelSignal signal, IOptions<PanelOptions> options, TimeProvider clock, ILogger<PanelRefresher> log)
    : BackgroundService
{
    /// <summary>A claim outlives a batch by far; if the instance dies, another takes the companies after it.</summary>
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private readonly ClaimsToGiveBack _giveBack = new();

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await FollowScorableMonthAsync(ct);
                if (await RefreshBatchAsync(ct) == 0) await signal.WaitAsync(options.Value.PollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The batch rolled back: its companies are marked again and retried.
                log.LogError(ex, "Panel refresh failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
            }
        }
    }

    /// <summary>
    /// When the panel's last month moves (a new month's contributions arrived, or the calendar
    /// moved an explicit bound), every company gets other rows: mark all. One small read per poll.
    /// </summary>
    private async Task FollowScorableMonthAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeaturesDbContext>();
        var (settings, asOf) = await SettingsAsync(db, ct);
        if (asOf == settings.To.ToString()) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var state = await db.PanelStates.FromSqlRaw("SELECT * FROM panel_state WHERE name = {0} FOR UPDATE", PanelState.AsOf).FirstOrDefaultAsync(ct);
        if (state?.Value != settings.To.ToString())
        {
            var marked = await scope.ServiceProvider.GetRequiredService<PanelStore>().MarkAllAsync(ct);
            if (state is null) db.PanelStates.Add(new PanelState { Name = PanelState.AsOf, Value = settings.To.ToString() });
            else state.Value = settings.To.ToString();
            await db.SaveChangesAsync(ct);
            log.LogInformation("Panel now as of {AsOf} (was {Previous}): {Companies} companies marked for recomputation", settings.To, asOf, marked);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>The settings the stored state calls for, and the month the stored panel says it is as of.</summary>
    private async Task<(PanelSettings Settings, string? AsOf)> SettingsAsync(FeaturesDbContext db, CancellationToken ct)
    {
        var states = await db.PanelStates.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Value, StringComparer.Ordinal, ct);
        YearMonth? through = states.TryGetValue(PanelState.ContributionsThrough, out var text) && YearMonth.TryParse(text, out var month) ? month : null;
        return (options.Value.Settings(clock, through), states.GetValueOrDefault(PanelState.AsOf));
    }

    /// <returns>The number of companies recomputed.</returns>
    public async Task<int> RefreshBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeaturesDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<PanelStore>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await _giveBack.GiveBackPendingAsync(sirens => store.UnclaimAsync(sirens, ct));
        var (claimed, traces) = await store.ClaimAsync(options.Value.BatchSize, ClaimDuration, ct);
        if (claimed.Count == 0) return 0;
        var sirens = claimed.Keys.Order(StringComparer.Ordinal).ToArray();
        using var activity = PanelTrace.Start(traces, sirens.Length);
        try
        {
            await RecomputeAsync(db, store, outbox, claimed, sirens, ct);
        }
        catch
        {
            await _giveBack.GiveBackAsync(sirens, async companies =>
            {
                await using var cleanup = scopes.CreateAsyncScope();
                await cleanup.ServiceProvider.GetRequiredService<PanelStore>().UnclaimAsync(companies, CancellationToken.None);
            });
            throw;
        }
        return sirens.Length;
    }

    private async Task RecomputeAsync(FeaturesDbContext db, PanelStore store, IOutbox outbox, Dictionary<string, long> claimed, string[] sirens, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revisions = await store.LockAsync(sirens, ct);
        var companies = await store.LoadFactsAsync(sirens, ct);
        var stored = await store.LoadSeriesAsync(sirens, ct);
        var loaded = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var (settings, _) = await SettingsAsync(db, ct);
        var changes = PanelDiff.Compute(new PanelCalculator(settings), companies, stored, revisions, options.Value.AnnouncedMonths);
        var computed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        await store.WriteSeriesAsync(changes.Upserts, changes.Deletes, ct);
        await store.SetRevisionsAsync(changes.Revisions, clock.GetUtcNow(), ct);
        foreach (var message in Chunks(changes.Updates, options.Value.MonthsPerMessage, clock.GetUtcNow()))
        {
            outbox.Publish(message);
        }
        await db.SaveChangesAsync(ct);
        await store.ReleaseAsync(claimed, ct);
        await transaction.CommitAsync(ct);
        var total = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        FeaturesMetrics.CompaniesRecomputed.Add(sirens.Length);
        FeaturesMetrics.SeriesWritten.Add(changes.Upserts.Count);
        FeaturesMetrics.BatchDuration.Record(total.TotalSeconds);
        log.LogDebug("Recomputed {Companies} companies: {Series} series written, {Announced} announced; load {Load:F2} s, compute {Compute:F2} s, write {Write:F2} s",
            sirens.Length, changes.Upserts.Count, changes.Updates.Count, loaded.TotalSeconds, (computed - loaded).TotalSeconds, (total - computed).TotalSeconds);
    }

    /// <summary>Companies grouped into messages of at most about <paramref name="monthsPerMessage"/> months.</summary>
    public static IEnumerable<CompanyIndicatorsUpdated> Chunks(IReadOnlyList<CompanyIndicators> updates, int monthsPerMessage, DateTimeOffset at)
    {
        var chunk = new List<CompanyIndicators>();
        var months = 0;
        foreach (var update in updates)
        {
            if (chunk.Count > 0 && months + update.Months.Count > monthsPerMessage)
            {
                yield return new CompanyIndicatorsUpdated(chunk, at);
                (chunk, months) = ([], 0);
            }
            chunk.Add(update);
            months += update.Months.Count;
        }
        if (chunk.Count > 0) yield return new CompanyIndicatorsUpdated(chunk, at);
    }
}
