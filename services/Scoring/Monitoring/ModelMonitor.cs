using Microsoft.Extensions.Options;
using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.Scoring.Monitoring;

/// <summary>
/// Watches the active model once promoted: every <see cref="MonitoringOptions.Interval"/>, each
/// feature's missing rate and stability index over the live companies against the model's
/// training profile, and the stored scores of the latest months by région, level and training
/// decile. The gauges of <see cref="MonitoringMetrics"/> show the last measure; the alert rules
/// read them. A model without a profile gets the missing rates only.
/// </summary>
public sealed class ModelMonitor(IServiceScopeFactory scopes, ActiveModelCache models, IOptions<MonitoringOptions> options, TimeProvider clock, ILogger<ModelMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        MonitoringMetrics.Register();
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                if (await MeasureAsync(stoppingToken) is { } watch)
                {
                    MonitoringMetrics.Publish(watch);
                    logger.LogDebug("Model {Version} measured on {Companies} live companies and {Months} scored months", watch.Version, watch.LiveCompanies, watch.Months.Count);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Measuring the active model failed; its gauges keep the last measure");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<ModelWatch?> MeasureAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        if (await models.GetAsync(db, ct) is not { } active) return null;
        var manifest = active.Model.Manifest;
        var rows = await scope.ServiceProvider.GetRequiredService<LivePopulation>().RowsAsync(manifest.Features, ct);
        var features = FeatureDrift.Measure(manifest.Features, rows, manifest.Profile, manifest.MissingRates);
        var scores = manifest.Profile?.Scores;
        var cells = await scope.ServiceProvider.GetRequiredService<ScoreHistory>().CellsAsync(options.Value.Months, scores?.Cuts ?? [], ct);
        var months = MonthScores.Of(cells, scores);
        return new ModelWatch(active.Version, rows.Count, features, months, RegionAlerts.Of(months), clock.GetUtcNow());
    }
}
