using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Batches;

/// <summary>An ingestion service accepted a file (or a push) and starts processing it.</summary>
public sealed record SourceBatchReceived(
    Guid BatchId,
    DataSource Source,
    string? FileName,
    string ContentSha256,
    long SizeBytes,
    DateTimeOffset ReceivedAt);
