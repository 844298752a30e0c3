using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>Supplier payment behaviour of a company at a date (Altares paydex).</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="ValueDate">Date the measure applies to.</param>
/// <param name="Days">Average payment delay beyond terms, days.</param>
/// <param name="PaydexIndex">Paydex index, when delivered (monthly increment).</param>
/// <param name="SuppliersAnalysed">Number of suppliers the measure rests on.</param>
/// <param name="AmountStudied">Total outstanding amount studied, euros.</param>
/// <param name="AmountOverdue">Amount due and unpaid, euros.</param>
/// <param name="Over30DaysScore">FPI 30+: Altares' 0-100 rating of payments more than 30 days late, as delivered.</param>
/// <param name="Over90DaysScore">FPI 90+: the same beyond 90 days.</param>
public sealed record SupplierPaymentDelay(
    string RecordKey,
    Siren Siren,
    DateOnly ValueDate,
    decimal Days,
    int? PaydexIndex,
    int? SuppliersAnalysed,
    decimal? AmountStudied,
    decimal? AmountOverdue,
    decimal? Over30DaysScore,
    decimal? Over90DaysScore) : ISourceRecord;
