using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SignauxFaibles.ServiceDefaults.Pipeline;

/// <summary>A stage of the pipeline measured in a service's own database.</summary>
public sealed record PipelineStage<TDbContext>(string Name, Func<TDbContext, DateTimeOffset, CancellationToken, Task<StageBacklog>> Measure)
    where TDbContext : DbContext;

/// <summary>
/// Measures the service's pipeline stages every 15 s for <see cref="PipelineMetrics"/>. Every
/// instance samples (the backlog is the database's; dashboards take the max), so a stage whose
/// worker stopped is still seen from another instance.
/// </summary>
public sealed partial class PipelineStageSampler<TDbContext>(
    IServiceScopeFactory scopes,
    IEnumerable<PipelineStage<TDbContext>> stages,
    TimeProvider clock,
    ILogger<PipelineStageSampler<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var stage in stages)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                    PipelineMetrics.Record(stage.Name, await stage.Measure(db, clock.GetUtcNow(), stoppingToken));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The last figures stay exported; ServiceDown and the outbox alerts cover a database away.
                    LogSampleFailed(ex, stage.Name);
                }
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not measure the pipeline stage {Stage}")]
    private partial void LogSampleFailed(Exception exception, string stage);
}

public static class PipelineStageExtensions
{
    /// <summary>A stage whose waiting items are <paramref name="waiting"/>, each waiting since <paramref name="since"/>.</summary>
    public static async Task<StageBacklog> MeasureAsync<T>(IQueryable<T> waiting, Expression<Func<T, DateTimeOffset>> since, DateTimeOffset now, CancellationToken ct)
        where T : class
    {
        waiting = waiting.AsNoTracking();
        var count = await waiting.LongCountAsync(ct);
        return count == 0 ? new StageBacklog(0, 0) : StageBacklog.Of(count, await waiting.MinAsync(since, ct), now);
    }

    /// <summary>Measures a stage of the pipeline held in <typeparamref name="TDbContext"/> (one sampler per context, whatever the stages).</summary>
    public static IServiceCollection AddPipelineStage<TDbContext>(this IServiceCollection services, string name,
        Func<TDbContext, DateTimeOffset, CancellationToken, Task<StageBacklog>> measure)
        where TDbContext : DbContext
    {
        services.AddSingleton(new PipelineStage<TDbContext>(name, measure));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PipelineStageSampler<TDbContext>>());
        return services;
    }
}
