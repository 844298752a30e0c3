using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Establishments (Sirene) seen for the first time.</summary>
public sealed record EstablishmentRegistered(RecordProvenance Provenance, IReadOnlyList<EstablishmentRegistration> Records)
    : ISourceChunk<EstablishmentRegistration>;
