using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>Supplier payment delays (paydex) reported.</summary>
public sealed record SupplierPaymentDelayReported(RecordProvenance Provenance, IReadOnlyList<SupplierPaymentDelay> Records)
    : ISourceChunk<SupplierPaymentDelay>;
