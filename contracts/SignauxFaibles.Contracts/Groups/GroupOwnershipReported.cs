using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Groups;

/// <summary>Group structures (Ellisphère) reported.</summary>
public sealed record GroupOwnershipReported(RecordProvenance Provenance, IReadOnlyList<GroupOwnership> Records)
    : ISourceChunk<GroupOwnership>;
