using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>One short-time work authorisation.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="RequestId">ID_DA.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="From">First day authorised.</param>
/// <param name="To">Last day authorised.</param>
/// <param name="HoursAuthorised">HTA.</param>
/// <param name="AmountAuthorised">MTA, euros.</param>
/// <param name="EmployeesAuthorised">EFF_AUTO.</param>
/// <param name="Reason">MOTIF_RECOURS_SE, 1-5.</param>
/// <param name="Perimeter">PERIMETRE_AP, 1-4.</param>
/// <param name="PriorUse">RECOURS_ANTERIEUR, 1-3.</param>
/// <param name="StatusDate">DATE_STATUT.</param>
public sealed record ShortTimeWorkRequest(
    string RecordKey,
    string RequestId,
    Siret Siret,
    DateOnly From,
    DateOnly To,
    decimal? HoursAuthorised,
    decimal? AmountAuthorised,
    int? EmployeesAuthorised,
    int? Reason,
    int? Perimeter,
    int? PriorUse,
    DateOnly? StatusDate) : ISourceRecord;
