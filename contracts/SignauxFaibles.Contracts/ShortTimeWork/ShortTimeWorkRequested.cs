using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>Short-time work (activité partielle) authorisations recorded.</summary>
public sealed record ShortTimeWorkRequested(RecordProvenance Provenance, IReadOnlyList<ShortTimeWorkRequest> Records)
    : ISourceChunk<ShortTimeWorkRequest>;
