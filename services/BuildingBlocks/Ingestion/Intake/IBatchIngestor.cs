using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>Turns deliveries (files or pushes) into batches whose records are published in chunks.</summary>
public interface IBatchIngestor
{
    /// <returns>The batch, and whether this content had been delivered before (then nothing is published).</returns>
    Task<(Batch Batch, bool Duplicate)> IngestFileAsync(StoredFile stored, string fileName, IFileKind kind, CancellationToken ct);

    Task<Batch> IngestPushAsync(IFileKind kind, IReadOnlyList<ISourceRecord> records, CancellationToken ct);
}
