using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Ends Published batches once the relay has delivered every chunk (no outbox row of the batch's
/// group left): status Completed and the SourceBatchCompleted event, in one transaction. Several
/// instances may watch: only the one whose update changes the row announces the end.
/// </summary>
public sealed partial class BatchCompletionWatcher<TDbContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<BatchCompletionWatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CompleteDeliveredAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    private async Task CompleteDeliveredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var published = await db.Set<Batch>().AsNoTracking().Where(b => b.Status == BatchStatus.Published).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in published)
        {
            var group = BatchIngestor<TDbContext>.OutboxGroup(id);
            if (await db.Set<OutboxMessage>().AnyAsync(m => m.Group == group, ct)) continue;

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Set<Batch>().Where(b => b.Id == id && b.Status == BatchStatus.Published)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.Status, BatchStatus.Completed).SetProperty(x => x.CompletedAt, now), ct);
            if (changed == 0) continue;
            var batch = await db.Set<Batch>().AsNoTracking().FirstAsync(b => b.Id == id, ct);
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(BatchIngestor<TDbContext>.Completed(batch), id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            IngestionMetrics.BatchDelivered(batch, now);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing delivered batches failed; retrying")]
    private partial void LogFailed(Exception exception);
}
