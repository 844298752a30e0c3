using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>Short-time work hours actually used, per month.</summary>
public sealed record ShortTimeWorkConsumed(RecordProvenance Provenance, IReadOnlyList<ShortTimeWorkConsumption> Records)
    : ISourceChunk<ShortTimeWorkConsumption>;
