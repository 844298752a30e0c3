using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>Short-time work used by one establishment in one month under one authorisation.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="RequestId">ID_DA.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="Month">Month of use (MOIS).</param>
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
    int? Employees) : ISourceRecord
{
    /// <summary>Legal monthly working hours (35 h a week): a month of hours over it is one full-time job.</summary>
    public const decimal MonthlyFullTimeHours = 151.67m;

    /// <summary>Full-time jobs the hours used stand for.</summary>
    public decimal FullTimeEquivalent => Math.Round(Hours / MonthlyFullTimeHours, 2);
}
