using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Known establishments whose registry state changed.</summary>
public sealed record EstablishmentChanged(RecordProvenance Provenance, IReadOnlyList<EstablishmentRegistration> Records)
    : ISourceChunk<EstablishmentRegistration>;
