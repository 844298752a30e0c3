using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Contributions due declared to URSSAF for establishments.</summary>
public sealed record ContributionsDeclared(RecordProvenance Provenance, IReadOnlyList<ContributionDeclaration> Records)
    : ISourceChunk<ContributionDeclaration>;
