using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Finance;

/// <summary>One company's accounts or ratios for one fiscal year.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="FiscalYearEnd">Closing date of the fiscal year.</param>
/// <param name="DurationMonths">Length of the fiscal year, months.</param>
/// <param name="Items">Items by code (amounts in euros, ratios as delivered); null when delivered empty.</param>
public sealed record FinancialStatement(
    string RecordKey,
    Siren Siren,
    DateOnly FiscalYearEnd,
    int? DurationMonths,
    IReadOnlyDictionary<string, decimal?> Items) : ISourceRecord;
