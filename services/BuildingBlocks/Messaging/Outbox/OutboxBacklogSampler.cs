using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// Measures the outbox of <typeparamref name="TDbContext"/> at a fixed interval for the
/// <c>sf.outbox.pending</c>, <c>sf.outbox.oldest.age</c> and <c>sf.outbox.parked.rows</c> gauges (parked rows are not pending). Every instance samples (the
/// backlog is the database's, so the instances report the same figure; dashboards take the max):
/// a relay that stopped relaying must still be seen from another instance.
/// </summary>
public sealed partial class OutboxBacklogSampler<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxBacklogSampler<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = typeof(TDbContext).Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var all = scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>().AsNoTracking();
                var rows = all.Where(m => m.ParkedAt == null);
                var pending = await rows.LongCountAsync(stoppingToken);
                var parked = await all.LongCountAsync(m => m.ParkedAt != null, stoppingToken);
                // The lowest id is the oldest row: read through the (partial) id index.
                var oldest = await rows.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(stoppingToken);
                MessagingMetrics.RecordOutboxBacklog(outbox, pending, oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero, parked);
                await Task.Delay(options.Value.BacklogSampleInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The last figures stay exported; the alert on age keeps growing with a stuck database anyway.
                LogSampleFailed(ex, outbox);
                await Task.Delay(options.Value.ErrorDelay, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not measure the outbox of {Outbox}")]
    private partial void LogSampleFailed(Exception exception, string outbox);
}
