using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Finance;

/// <summary>Financial statements or ratios filed (Banque de France, Diane, DGFiP).</summary>
public sealed record FinancialStatementFiled(RecordProvenance Provenance, IReadOnlyList<FinancialStatement> Records)
    : ISourceChunk<FinancialStatement>;
