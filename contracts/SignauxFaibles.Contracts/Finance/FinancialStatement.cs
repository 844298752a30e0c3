using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Finance;

/// <summary>One company's accounts or ratios for one fiscal year, whichever institution filed them.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="FiscalYearEnd">Closing date of the fiscal year.</param>
/// <param name="DurationMonths">Length of the fiscal year, months; null when the source does not say.</param>
/// <param name="Items">
/// Items by code (<see cref="FinancialItemCodes"/> for those several sources share): amounts in
/// euros whatever the unit delivered, ratios, days and counts as delivered; null when delivered empty.
/// </param>
/// <param name="CompanyName">Name as the source wrote it, when it does.</param>
public sealed record FinancialStatement(
    string RecordKey,
    Siren Siren,
    DateOnly FiscalYearEnd,
    int? DurationMonths,
    IReadOnlyDictionary<string, decimal?> Items,
    string? CompanyName = null) : ISourceRecord;
