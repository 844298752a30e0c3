using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.Ingestion.Changes;

/// <summary>
/// A file kind delivered as a full stock again and again (e.g. the Sirene registry): only records
/// that are new or differ from what the service already knows are published. New records go out as
/// <see cref="IFileKind.CreateChunk"/>, changed ones as <see cref="CreateChangedChunk"/>.
/// </summary>
public interface IChangeTrackedKind : IFileKind
{
    /// <summary>Namespace of the record keys in the fingerprint table (kinds sharing it compare against each other).</summary>
    string ChangeScope { get; }

    /// <summary>The chunk event carrying records already known but whose content changed.</summary>
    object CreateChangedChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records);
}
