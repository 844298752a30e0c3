using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Steps of CCSF (tax and social creditors' committee) plans recorded.</summary>
public sealed record CcsfPlanStepRecorded(RecordProvenance Provenance, IReadOnlyList<CcsfPlanStep> Records)
    : ISourceChunk<CcsfPlanStep>;
