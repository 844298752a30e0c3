using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Steps of URSSAF debt lines (écarts négatifs) recorded.</summary>
public sealed record ContributionDebtRecorded(RecordProvenance Provenance, IReadOnlyList<ContributionDebtStep> Records)
    : ISourceChunk<ContributionDebtStep>;
