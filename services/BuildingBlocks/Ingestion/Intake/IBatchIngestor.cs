using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>Turns deliveries (files or pushes) into batches whose records are published in chunks.</summary>
public interface IBatchIngestor
{
    /// <summary>Records a delivered file in the ledger (status Received) and announces it.</summary>
    /// <returns>The batch, and whether this content had been delivered before (then nothing more happens).</returns>
    Task<(Batch Batch, bool Duplicate)> AcceptFileAsync(StoredFile stored, string fileName, IFileKind kind, CancellationToken ct);

    /// <summary>Parses an accepted file and publishes its records, all or nothing.</summary>
    Task<Batch?> ProcessAsync(Guid batchId, IFileKind kind, CancellationToken ct);

    /// <summary>
    /// Ends a batch that could not be processed as Failed with <paramref name="reason"/> (nothing of
    /// it is published); null when it is no longer Received or Parsing.
    /// </summary>
    Task<Batch?> FailAsync(Guid batchId, string reason, CancellationToken ct);

    Task<Batch> IngestPushAsync(IFileKind kind, IReadOnlyList<ISourceRecord> records, CancellationToken ct);

    /// <summary>
    /// Records a request to publish a stock's whole current state again (status Received), e.g. for a
    /// consumer added after the stock was delivered; <see cref="ProcessAsync"/> then publishes it.
    /// </summary>
    Task<Batch> AcceptRepublicationAsync(Changes.IChangeTrackedKind kind, CancellationToken ct);
}
