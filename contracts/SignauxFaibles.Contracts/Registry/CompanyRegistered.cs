using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Companies (Sirene legal units) seen for the first time.</summary>
public sealed record CompanyRegistered(RecordProvenance Provenance, IReadOnlyList<CompanyRegistration> Records)
    : ISourceChunk<CompanyRegistration>;
