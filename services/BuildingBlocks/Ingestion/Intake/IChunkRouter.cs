using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Optional per-service step between parsing and publishing, inside the batch's transaction:
/// enrich records (e.g. resolve an account to a SIRET), keep those that cannot be published yet,
/// or store reference data that is not an event.
/// </summary>
public interface IChunkRouter
{
    Task<RoutedChunk> RouteAsync(DbContext db, IFileKind kind, RecordProvenance provenance, IReadOnlyList<ISourceRecord> records, CancellationToken ct);
}

/// <param name="Publish">Records to publish now, as one chunk of the file's kind. Returning the very list received
/// tells the writer the records are unchanged, so their JSON serialised ahead can be used.</param>
/// <param name="Pending">Records kept until they can be completed (not lost, not published yet).</param>
/// <param name="Stored">Records kept as the service's own reference data (never published).</param>
public sealed record RoutedChunk(IReadOnlyList<ISourceRecord> Publish, int Pending, int Stored)
{
    public static RoutedChunk PublishAll(IReadOnlyList<ISourceRecord> records) => new(records, 0, 0);
}
