using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>One event of a collective proceeding.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="Siret">Establishment, when known.</param>
/// <param name="EffectiveOn">Date the event takes effect.</param>
/// <param name="Nature">Sauvegarde, redressement or liquidation.</param>
/// <param name="Stage">Stage of the proceeding as delivered (opening, plan, closing...).</param>
/// <param name="EventCode">Source code of the event, when any.</param>
public sealed record InsolvencyProceeding(
    string RecordKey,
    Siren Siren,
    Siret? Siret,
    DateOnly EffectiveOn,
    ProceedingNature Nature,
    string Stage,
    string? EventCode) : ISourceRecord;
