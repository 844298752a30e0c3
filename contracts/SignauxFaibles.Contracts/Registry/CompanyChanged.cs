using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Known companies whose registry state changed.</summary>
public sealed record CompanyChanged(RecordProvenance Provenance, IReadOnlyList<CompanyRegistration> Records)
    : ISourceChunk<CompanyRegistration>;
