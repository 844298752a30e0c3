using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Monthly headcounts of establishments reported.</summary>
public sealed record EstablishmentHeadcountReported(RecordProvenance Provenance, IReadOnlyList<EstablishmentHeadcount> Records)
    : ISourceChunk<EstablishmentHeadcount>;
