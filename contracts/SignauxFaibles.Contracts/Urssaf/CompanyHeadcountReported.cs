using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Monthly headcounts of companies reported.</summary>
public sealed record CompanyHeadcountReported(RecordProvenance Provenance, IReadOnlyList<CompanyHeadcount> Records)
    : ISourceChunk<CompanyHeadcount>;
