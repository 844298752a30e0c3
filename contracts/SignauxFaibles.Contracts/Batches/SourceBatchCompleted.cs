using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Batches;

/// <summary>An ingestion batch ended, with what was read, accepted, rejected and published.</summary>
/// <param name="InvalidChecksums">Accepted records whose SIREN/SIRET fails its checksum (kept, counted).</param>
public sealed record SourceBatchCompleted(
    Guid BatchId,
    DataSource Source,
    BatchOutcome Outcome,
    long LinesRead,
    long RecordsAccepted,
    long LinesRejected,
    long RecordsPublished,
    long InvalidChecksums,
    string? FailureReason,
    DateTimeOffset CompletedAt);
