using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// Counts the companies at each level every 15 s for the gauges (a scrape must not query the
/// database), and loads the active model so that its version shows before the first score.
/// </summary>
public sealed class StandingsSampler(IServiceScopeFactory scopes, ActiveModelCache models, ILogger<StandingsSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
                var counts = await db.Standings.GroupBy(s => s.Level).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(stoppingToken);
                var byLevel = Enum.GetValues<RiskLevel>().ToDictionary(l => l, l => counts.FirstOrDefault(c => c.Key == l)?.Count ?? 0);
                ScoringMetrics.Standings(byLevel);
                await models.GetAsync(db, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sampling the standings failed; the gauges keep their last values");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
