using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Batches;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Turns a stored file into a batch: every chunk of records and every reject are written in one
/// transaction, so a refused or broken file publishes nothing. Ledger: Received → Parsing →
/// Published (chunks in the outbox) → Completed (all delivered to the broker), or Failed.
/// </summary>
public sealed class BatchIngestor<TDbContext>(
    TDbContext db,
    IOutbox outbox,
    RawFileStore files,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    BatchProgress<TDbContext> progress,
    FileKindCatalog catalog,
    IChunkRouter? router = null) : IBatchIngestor
    where TDbContext : DbContext
{
    public async Task<(Batch Batch, bool Duplicate)> AcceptFileAsync(StoredFile stored, string fileName, IFileKind kind, CancellationToken ct)
    {
        if (await FindDeliveredAsync(kind, stored.Sha256, ct) is { } existing) return (existing, true);
        var batch = NewBatch(kind, fileName, stored.Sha256, stored.SizeBytes);
        batch.Status = BatchStatus.Received;
        db.Set<Batch>().Add(batch);
        PublishReceived(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same content uploaded twice at once: the unique index lets one batch win.
            db.ChangeTracker.Clear();
            if (await FindDeliveredAsync(kind, stored.Sha256, ct) is { } raced) return (raced, true);
            throw;
        }
        IngestionMetrics.FileReceived(batch.Source, batch.ReceivedAt);
        return (batch, false);
    }

    public async Task<Batch?> ProcessAsync(Guid batchId, IFileKind kind, CancellationToken ct)
    {
        var batch = await db.Set<Batch>().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || batch.Status is not (BatchStatus.Received or BatchStatus.Parsing)) return batch;

        // Counters restart from zero: a batch interrupted by a crash is parsed again from its raw file.
        batch.Status = BatchStatus.Parsing;
        batch.StartedAt = clock.GetUtcNow();
        batch.LinesRead = batch.RecordsAccepted = batch.LinesRejected = batch.LinesWithWarnings = batch.RecordsPublished = 0;
        batch.IssuesNotStored = null;
        batch.RecordsPending = batch.RecordsStored = batch.InvalidChecksums = 0;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (StockRepublication.Is(batch))
            {
                var tracked = (IChangeTrackedKind)kind;
                var state = new StockState(db, files, catalog).ReadAsync(tracked, ct);
                await ParseAndPublishAsync(batch, kind, StockRepublication.AsLines(state, ct), ct, republication: true);
            }
            else
            {
                await using var file = files.Open(batch.ContentSha256);
                await using var delivered = await DeliveredFile.OpenAsync(file, ct);
                batch.Encoding = delivered.Format;
                await ParseAndPublishAsync(batch, kind, delivered.ParseAsync(kind.Parser, batch.FileName, ct), ct);
            }
        }
        catch (Exception ex) when (ex is FileRefusedException or InvalidDataException or EndOfStreamException)
        {
            // Nothing of a refused file is published: roll back and keep only the failed ledger entry.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var failed = await RecordFailureAsync(batch, ex.Message, ct);
            IngestionMetrics.BatchParsed(failed, failed.CompletedAt!.Value);
            return failed;
        }
        await CompleteAsync(batch, ct);
        await transaction.CommitAsync(ct);
        IngestionMetrics.BatchParsed(batch, clock.GetUtcNow());
        return batch;
    }

    // A failed delivery does not count: the same bytes may be delivered again (e.g. after a fix of the parser).
    private Task<Batch?> FindDeliveredAsync(IFileKind kind, string sha256, CancellationToken ct) =>
        db.Set<Batch>().AsNoTracking().FirstOrDefaultAsync(b => b.FileKind == kind.Name && b.ContentSha256 == sha256 && b.Status != BatchStatus.Failed, ct);

    public async Task<Batch?> FailAsync(Guid batchId, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var batch = await db.Set<Batch>().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || batch.Status is not (BatchStatus.Received or BatchStatus.Parsing)) return null;
        await db.Set<BatchReject>().Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        var failed = await RecordFailureAsync(batch, reason, ct);
        IngestionMetrics.BatchParsed(failed, failed.CompletedAt!.Value);
        return failed;
    }

    /// <summary>Real-time facts pushed by an institution: a batch whose records are published as one chunk.</summary>
    public async Task<Batch> IngestPushAsync(IFileKind kind, IReadOnlyList<ISourceRecord> records, CancellationToken ct)
    {
        var batch = NewBatch(kind, fileName: "push", contentSha256: PushedRecords.NewContentId(), sizeBytes: 0);
        if (kind is IChangeTrackedKind) await PushedRecords.KeepAsync(files, batch.ContentSha256, records, kind, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<Batch>().Add(batch);
        PublishReceived(batch);
        await ParseAndPublishAsync(batch, kind, AsLines(records), ct);
        await CompleteAsync(batch, ct);
        await transaction.CommitAsync(ct);
        IngestionMetrics.BatchParsed(batch, clock.GetUtcNow());
        return batch;
    }

    public async Task<Batch> AcceptRepublicationAsync(IChangeTrackedKind kind, CancellationToken ct)
    {
        var batch = NewBatch(kind, StockRepublication.FileName(kind), StockRepublication.NewContentId(), sizeBytes: 0);
        batch.Status = BatchStatus.Received;
        db.Set<Batch>().Add(batch);
        PublishReceived(batch);
        await db.SaveChangesAsync(ct);
        return batch;
    }

    private Batch NewBatch(IFileKind kind, string fileName, string contentSha256, long sizeBytes) => new()
    {
        Id = Guid.CreateVersion7(),
        Source = kind.Source,
        FileKind = kind.Name,
        FileName = fileName,
        ContentSha256 = contentSha256,
        SizeBytes = sizeBytes,
        Status = BatchStatus.Parsing,
        ReceivedAt = clock.GetUtcNow(),
    };

    private void PublishReceived(Batch batch) =>
        outbox.Publish(new SourceBatchReceived(batch.Id, batch.Source, batch.FileName, batch.ContentSha256, batch.SizeBytes, batch.ReceivedAt), batch.Id.ToString());

    /// <param name="republication">A stock's current state published again whole, as new records, fingerprints untouched.</param>
    private async Task ParseAndPublishAsync(Batch batch, IFileKind kind, IAsyncEnumerable<ParsedLine> lines, CancellationToken ct, bool republication = false)
    {
        var chunkNumber = 0;
        ChangeFilter? changes = null;
        var cap = options.Value.MaxStoredIssuesPerBatch;
        long storedRejects = 0, storedWarnings = 0;
        var notStored = new Dictionary<(string Kind, string Reason), long>();
        // Plain chunk kinds get their records serialised on the parsing thread (see ChunkJson).
        var chunkType = kind is IPublishedChunkKind published && ChunkJson.CanCompose(published.ChunkType) ? published.ChunkType : null;
        Func<ISourceRecord[], byte[]>? serialise = chunkType is null ? null : records => ChunkJson.SerializeRecords(records, kind.RecordType);
        await foreach (var slice in lines.SliceAsync(Math.Max(1, options.Value.ChunkSize), ct, serialise))
        {
            batch.LinesRead += slice.LinesRead;
            batch.RecordsAccepted += slice.Records.Length;
            batch.LinesRejected += slice.Rejects.Length;
            batch.LinesWithWarnings += slice.LinesWithWarnings;
            batch.InvalidChecksums += slice.InvalidChecksums;
            foreach (var (issue, warning) in slice.Rejects.Select(r => (r, false)).Concat(slice.Warnings.Select(w => (w, true))))
            {
                if ((warning ? storedWarnings++ : storedRejects++) >= cap)
                {
                    Count(notStored, warning ? IssueCount.Warning : IssueCount.Reject, issue.Reason);
                    continue;
                }
                db.Set<BatchReject>().Add(new BatchReject
                {
                    BatchId = batch.Id, Line = issue.Line, Column = issue.Column, ColumnName = issue.ColumnName,
                    RawValue = Truncate(issue.RawValue), Reason = issue.Reason, Warning = warning,
                });
            }
            if (slice.Records.Length > 0) await PublishChunkAsync(slice.Records, slice.RecordsJson);
            // Saving per slice keeps memory bounded; the surrounding transaction keeps it all-or-nothing.
            // The batch row itself is only written at the end: progress goes through another connection.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await progress.ReportAsync(batch, ct);
        }
        batch.IssuesNotStored = IssueCount.Write(notStored);

        async Task PublishChunkAsync(ISourceRecord[] records, byte[]? recordsJson)
        {
            chunkNumber++;
            var provenance = new RecordProvenance(kind.Source, batch.Id, chunkNumber, batch.FileName);
            // Republished records were routed when first published.
            var routed = router is null || republication ? RoutedChunk.PublishAll(records) : await router.RouteAsync(db, kind, provenance, records, ct);
            if (kind is IChangeTrackedKind tracked && routed.Publish.Count > 0 && !republication)
            {
                // A stock delivered again: publish only what is new or differs from what was published.
                changes ??= new ChangeFilter();
                var set = await changes.SplitAsync(db, tracked.ChangeScope, batch.Id, routed.Publish, ct);
                if (set.New.Count > 0) outbox.Publish(kind.CreateChunk(provenance, set.New), group: OutboxGroup(batch.Id));
                if (set.Changed.Count > 0)
                {
                    var changedProvenance = provenance with { ChunkNumber = ++chunkNumber };
                    outbox.Publish(tracked.CreateChangedChunk(changedProvenance, set.Changed), group: OutboxGroup(batch.Id));
                }
                batch.RecordsPublished += set.New.Count + set.Changed.Count;
            }
            else
            {
                // Chunks carry independent facts: no partition, so the relay publishes them in parallel.
                // Records the router left as they were are published from their JSON serialised ahead.
                if (recordsJson is not null && chunkType is not null && ReferenceEquals(routed.Publish, records))
                {
                    outbox.PublishSerialized(chunkType, ChunkJson.Compose(provenance, recordsJson), group: OutboxGroup(batch.Id));
                }
                else if (routed.Publish.Count > 0)
                {
                    outbox.Publish(kind.CreateChunk(provenance, routed.Publish), group: OutboxGroup(batch.Id));
                }
                batch.RecordsPublished += routed.Publish.Count;
            }
            batch.RecordsPending += routed.Pending;
            batch.RecordsStored += routed.Stored;
        }
    }

    private static void Count(Dictionary<(string Kind, string Reason), long> counts, string kind, string reason)
    {
        var key = (kind, reason);
        if (!counts.ContainsKey(key) && counts.Count(c => c.Key.Kind == kind) >= IssueCount.MaxReasons) key = (kind, IssueCount.OtherReasons);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Outbox group of a batch's chunks: the batch is complete once none of them is left.</summary>
    public static string OutboxGroup(Guid batchId) => $"batch:{batchId}";

    // Parsing is over: Published while chunks wait in the outbox (BatchCompletionWatcher ends it),
    // Completed at once when there is nothing to publish.
    private async Task CompleteAsync(Batch batch, CancellationToken ct)
    {
        if (batch.RecordsPublished > 0)
        {
            batch.Status = BatchStatus.Published;
        }
        else
        {
            batch.Status = BatchStatus.Completed;
            batch.CompletedAt = clock.GetUtcNow();
            outbox.Publish(Completed(batch), batch.Id.ToString());
        }
        db.Set<Batch>().Update(batch);
        await db.SaveChangesAsync(ct);
    }

    public static SourceBatchCompleted Completed(Batch batch) =>
        new(batch.Id, batch.Source, BatchOutcome.Completed, batch.LinesRead, batch.RecordsAccepted,
            batch.LinesRejected, batch.RecordsPublished, batch.InvalidChecksums, null, batch.CompletedAt!.Value);

    private async Task<Batch> RecordFailureAsync(Batch batch, string reason, CancellationToken ct)
    {
        batch.Status = BatchStatus.Failed;
        batch.FailureReason = reason;
        batch.RecordsPublished = 0;
        batch.CompletedAt = clock.GetUtcNow();
        batch.Rejects = [];
        db.Set<Batch>().Update(batch);
        outbox.Publish(new SourceBatchCompleted(batch.Id, batch.Source, BatchOutcome.Failed, batch.LinesRead, 0, batch.LinesRejected, 0,
            batch.InvalidChecksums, reason, batch.CompletedAt.Value), batch.Id.ToString());
        await db.SaveChangesAsync(ct);
        return batch;
    }

    private static async IAsyncEnumerable<ParsedLine> AsLines(IReadOnlyList<ISourceRecord> records)
    {
        await Task.CompletedTask;
        for (var i = 0; i < records.Count; i++) yield return ParsedLine.Accepted(i + 1, records[i]);
    }

    // A corrupt line can be megabytes long; the report needs its start, not all of it.
    private static string? Truncate(string? value) => value is { Length: > 500 } ? value[..500] + "…" : value;
}
