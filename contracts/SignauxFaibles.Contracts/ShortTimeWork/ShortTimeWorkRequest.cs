using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>One short-time work authorisation, with what was consumed of it when delivered.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="RequestId">ID_DA.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="From">First day authorised (DATE_DEB).</param>
/// <param name="To">Last day authorised (DATE_FIN).</param>
/// <param name="HoursAuthorised">HTA.</param>
/// <param name="AmountAuthorised">MTA, euros.</param>
/// <param name="EmployeesAuthorised">EFF_AUTO.</param>
/// <param name="Reason">MOTIF_RECOURS_SE, decoded.</param>
/// <param name="Perimeter">PERIMETRE_AP, decoded.</param>
/// <param name="PriorUse">RECOURS_ANTERIEUR, decoded.</param>
/// <param name="StatusDate">DATE_STATUT: the request's creation.</param>
/// <param name="CompanyHeadcount">EFF_ENT.</param>
/// <param name="EstablishmentHeadcount">EFF_ETAB.</param>
/// <param name="HoursConsumed">S_HEURE_CONSOM_TOT.</param>
/// <param name="AmountConsumed">S_MONTANT_CONSOM_TOT, euros.</param>
/// <param name="EmployeesConsumed">S_EFF_CONSOM_TOT.</param>
public sealed record ShortTimeWorkRequest(
    string RecordKey,
    string RequestId,
    Siret Siret,
    DateOnly From,
    DateOnly To,
    decimal? HoursAuthorised,
    decimal? AmountAuthorised,
    int? EmployeesAuthorised,
    ShortTimeWorkReason? Reason,
    ShortTimeWorkPerimeter? Perimeter,
    ShortTimeWorkPriorUse? PriorUse,
    DateOnly? StatusDate,
    int? CompanyHeadcount,
    int? EstablishmentHeadcount,
    decimal? HoursConsumed,
    decimal? AmountConsumed,
    int? EmployeesConsumed) : ISourceRecord;
