using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Payment plans (délais) granted by URSSAF.</summary>
public sealed record PaymentPlanGranted(RecordProvenance Provenance, IReadOnlyList<PaymentPlan> Records)
    : ISourceChunk<PaymentPlan>;
