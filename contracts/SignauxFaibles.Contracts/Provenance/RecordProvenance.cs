namespace SignauxFaibles.Contracts.Provenance;

/// <summary>Where a chunk of facts comes from: the source, the batch (file or push) and its position.</summary>
/// <param name="Source">Institution that delivered the facts.</param>
/// <param name="BatchId">Ingestion batch: one uploaded file, or one record push.</param>
/// <param name="ChunkNumber">Position of the chunk within its batch, from 1.</param>
/// <param name="FileName">Name of the file as delivered; null for a record push.</param>
public sealed record RecordProvenance(DataSource Source, Guid BatchId, int ChunkNumber, string? FileName);
