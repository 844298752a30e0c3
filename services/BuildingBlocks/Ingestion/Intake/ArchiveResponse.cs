using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>The answer to a zip of several files: one batch per file accepted, and the files refused with why.</summary>
public sealed record ArchiveResponse(string Archive, IReadOnlyList<BatchResponse> Batches, IReadOnlyList<ArchiveFileRefused> Refused);

/// <summary>A file of an archive that became no batch.</summary>
public sealed record ArchiveFileRefused(string FileName, string Reason);
