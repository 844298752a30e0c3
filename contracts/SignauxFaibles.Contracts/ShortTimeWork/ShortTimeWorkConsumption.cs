using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>Short-time work used by one establishment in one month under one authorisation.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="RequestId">ID_DA.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="Month">Month of use.</param>
/// <param name="Hours">Hours used.</param>
/// <param name="Amount">Amount, euros.</param>
/// <param name="Employees">Employees on short-time work.</param>
public sealed record ShortTimeWorkConsumption(
    string RecordKey,
    string RequestId,
    Siret Siret,
    YearMonth Month,
    decimal Hours,
    decimal? Amount,
    int? Employees) : ISourceRecord;
