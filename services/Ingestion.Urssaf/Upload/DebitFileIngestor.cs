using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Batches;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Batches;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.Ingestion.Urssaf.Debit;
using SignauxFaibles.Ingestion.Urssaf.Parsing;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Ingestion.Urssaf.Upload;

/// <summary>
/// Turns a stored débit file into a batch: every chunk of records, every reject and the batch
/// lifecycle events are written in one transaction, so a failed batch publishes nothing.
/// </summary>
public sealed class DebitFileIngestor(
    IngestionDbContext db,
    IOutbox outbox,
    RawFileStore files,
    IOptions<IngestionOptions> options,
    TimeProvider clock)
{
    public const string FileKind = "debit";

    public async Task<(Batch Batch, bool Duplicate)> IngestAsync(StoredFile stored, string fileName, CancellationToken ct)
    {
        var existing = await db.Batches.AsNoTracking()
            .FirstOrDefaultAsync(b => b.FileKind == FileKind && b.ContentSha256 == stored.Sha256, ct);
        if (existing is not null) return (existing, true);

        var batch = new Batch
        {
            Id = Guid.CreateVersion7(),
            Source = DataSource.Urssaf,
            FileKind = FileKind,
            FileName = fileName,
            ContentSha256 = stored.Sha256,
            SizeBytes = stored.SizeBytes,
            Status = BatchStatus.Parsing,
            ReceivedAt = clock.GetUtcNow(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Batches.Add(batch);
        outbox.Publish(new SourceBatchReceived(batch.Id, batch.Source, fileName, stored.Sha256, stored.SizeBytes, batch.ReceivedAt), batch.Id.ToString());
        await db.SaveChangesAsync(ct);

        try
        {
            await ParseAndPublishAsync(batch, stored, fileName, ct);
            batch.Status = BatchStatus.Completed;
        }
        catch (Exception ex) when (ex is HeaderMismatchException or InvalidDataException)
        {
            // Nothing of a refused file is published: roll back and keep only the failed ledger entry.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await RecordFailureAsync(batch, ex.Message, ct), false);
        }

        batch.CompletedAt = clock.GetUtcNow();
        outbox.Publish(new SourceBatchCompleted(batch.Id, batch.Source, BatchOutcome.Completed, batch.LinesRead, batch.RecordsAccepted,
            batch.LinesRejected, batch.RecordsPublished, batch.InvalidChecksums, null, batch.CompletedAt.Value), batch.Id.ToString());
        db.Batches.Update(batch);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (batch, false);
    }

    private async Task ParseAndPublishAsync(Batch batch, StoredFile stored, string fileName, CancellationToken ct)
    {
        var chunkSize = Math.Max(1, options.Value.ChunkSize);
        var chunk = new List<ContributionDebtStep>(chunkSize);
        var chunkNumber = 0;
        await using var content = files.OpenContent(stored.Sha256);
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        await foreach (var line in new DebitParser().ParseAsync(reader, fileName).WithCancellation(ct))
        {
            batch.LinesRead++;
            if (line.Step is { } step)
            {
                batch.RecordsAccepted++;
                if (!step.Siren.HasValidChecksum || step.Siret is { HasValidChecksum: false }) batch.InvalidChecksums++;
                chunk.Add(step);
                if (chunk.Count == chunkSize) await FlushAsync();
            }
            else if (line.Reject is { } reject)
            {
                batch.LinesRejected++;
                db.BatchRejects.Add(new BatchReject
                {
                    BatchId = batch.Id, Line = reject.Line, Column = reject.Column, ColumnName = reject.ColumnName,
                    RawValue = reject.RawValue, Reason = reject.Reason,
                });
            }
        }
        if (chunk.Count > 0) await FlushAsync();

        async Task FlushAsync()
        {
            chunkNumber++;
            var provenance = new RecordProvenance(DataSource.Urssaf, batch.Id, chunkNumber, fileName);
            outbox.Publish(new ContributionDebtRecorded(provenance, chunk.ToArray()), batch.Id.ToString());
            batch.RecordsPublished += chunk.Count;
            chunk.Clear();
            // Saving per chunk keeps memory bounded; the surrounding transaction keeps it all-or-nothing.
            db.Batches.Update(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Batch> RecordFailureAsync(Batch batch, string reason, CancellationToken ct)
    {
        batch.Status = BatchStatus.Failed;
        batch.FailureReason = reason;
        batch.RecordsPublished = 0;
        batch.CompletedAt = clock.GetUtcNow();
        batch.Rejects = [];
        db.Batches.Add(batch);
        outbox.Publish(new SourceBatchReceived(batch.Id, batch.Source, batch.FileName, batch.ContentSha256, batch.SizeBytes, batch.ReceivedAt), batch.Id.ToString());
        outbox.Publish(new SourceBatchCompleted(batch.Id, batch.Source, BatchOutcome.Failed, batch.LinesRead, 0, batch.LinesRejected, 0,
            batch.InvalidChecksums, reason, batch.CompletedAt.Value), batch.Id.ToString());
        await db.SaveChangesAsync(ct);
        return batch;
    }
}
