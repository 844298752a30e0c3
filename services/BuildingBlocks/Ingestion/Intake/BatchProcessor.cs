using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Parses accepted files one after the other, in the background, so an upload answers at once
/// and a large file's progress can be followed. At start it takes up the batches a previous run
/// left received or half-parsed (their transaction was rolled back; the raw file is kept). Any
/// other failure ends the batch Failed with its reason, so the feed goes on with the next one.
/// </summary>
public sealed partial class BatchProcessor<TDbContext>(
    IServiceScopeFactory scopes,
    BatchQueue queue,
    FileKindCatalog catalog,
    ILogger<BatchProcessor<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var (batchId, kindName, delivery) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Within the delivery's trace: what the batch publishes (outbox rows keep the trace) follows it downstream.
            using var activity = IngestionMetrics.ActivitySource.StartActivity("ingest batch", ActivityKind.Internal, delivery);
            activity?.SetTag(IngestionMetrics.BatchIdTag, batchId.ToString());
            activity?.SetTag("sf.file.kind", kindName);
            // The database away (a failover, a restart): the batch waits and is parsed again from its
            // raw file once it is back, before any later delivery, instead of failing or staying
            // stuck until the service restarts. Any other failure is tried once more before the
            // batch fails: a bug fails again, a fault Npgsql does not call transient passes.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var kind = catalog.Find(kindName) ?? throw new InvalidOperationException($"Unknown file kind '{kindName}'.");
                    await using var scope = scopes.CreateAsyncScope();
                    var ingestor = scope.ServiceProvider.GetRequiredService<IBatchIngestor>();
                    var batch = await ingestor.ProcessAsync(batchId, kind, stoppingToken);
                    if (batch is not null) queue.Completed(batch);
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (DatabaseAway.Is(ex) || attempt == 1)
                {
                    var wait = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt - 1, 5)));
                    LogInterrupted(ex, batchId, wait.TotalSeconds);
                    try
                    {
                        await Task.Delay(wait, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
                catch (Exception ex)
                {
                    LogFailed(ex, batchId);
                    if (await FailAsync(batchId, ex, stoppingToken) is { } failed) queue.Completed(failed);
                    else queue.Failed(batchId, ex);
                    break;
                }
            }
        }
    }

    /// <summary>Ends the batch Failed in a fresh scope; null when even that fails (the database is away): the next start takes it up again.</summary>
    private async Task<Batch?> FailAsync(Guid batchId, Exception ex, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IBatchIngestor>()
                .FailAsync(batchId, $"The file could not be processed ({ex.GetType().Name}: {ex.Message}); deliver it again once the cause is fixed.", ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogLeftUnfinished(failure, batchId);
            return null;
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var unfinished = await db.Set<Batch>().AsNoTracking()
            .Where(b => b.Status == BatchStatus.Received || b.Status == BatchStatus.Parsing)
            .OrderBy(b => b.ReceivedAt).Select(b => new { b.Id, b.FileKind }).ToListAsync(ct);
        foreach (var batch in unfinished) _ = queue.EnqueueAsync(batch.Id, batch.FileKind);
        if (unfinished.Count > 0) LogRequeued(unfinished.Count);

        // The last-file gauge starts from the ledger, so a restart does not look like a missing delivery.
        var lastFiles = await db.Set<Batch>().AsNoTracking()
            .Where(b => !b.ContentSha256.StartsWith(PushedRecords.Prefix) && !b.ContentSha256.StartsWith(StockRepublication.Prefix))
            .GroupBy(b => b.Source).Select(g => new { Source = g.Key, At = g.Max(b => b.ReceivedAt) }).ToListAsync(ct);
        foreach (var last in lastFiles) IngestionMetrics.FileReceived(last.Source, last.At);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} could not be processed; it is ended Failed with the reason")]
    private partial void LogFailed(Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} could not be ended Failed; it will be taken up again at the next start")]
    private partial void LogLeftUnfinished(Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} interrupted (the database away, or a first unexpected failure); parsed again in {Seconds} s")]
    private partial void LogInterrupted(Exception exception, Guid batchId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unfinished batch(es) taken up again")]
    private partial void LogRequeued(int count);
}
