using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>Collective insolvency proceeding events recorded (URSSAF procol, Altares/BODACC).</summary>
public sealed record InsolvencyProceedingRecorded(RecordProvenance Provenance, IReadOnlyList<InsolvencyProceeding> Records)
    : ISourceChunk<InsolvencyProceeding>;
