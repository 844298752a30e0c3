using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Ingestion.Finance.Conventions;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Finance.BanqueDeFrance;

/// <summary>
/// Banque de France ratios: one line per company and balance sheet, the SIREN written with
/// spaces ("000 111 222"), the balance-sheet date like 31DEC2012. <c>ANNEE</c> is the Banque's
/// campaign year (the year after the closing date), which the closing date already implies.
/// </summary>
public sealed class BdfParser : DelimitedParser
{
    private static readonly Func<string, DateOnly?> BalanceSheetDate = FinanceFields.Date("ddMMMyyyy");

    protected override IReadOnlyList<string> RequiredColumns => BdfLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => BdfLayout.Current;

    protected override LineFormat FormatOf(string header) => LineFormat.Semicolon;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(BdfLayout.Siren, FinanceFields.Siren, FinanceFields.NotASiren);
        var closing = cursor.Parse(BdfLayout.BalanceSheetDate, BalanceSheetDate, "not a date like 31DEC2012 (ddMMMyyyy)");
        var items = new Dictionary<string, decimal?>(BdfLayout.Ratios.Count);
        foreach (var (column, item) in BdfLayout.Ratios)
            items[item] = cursor.OptionalValue(column, FinanceFields.Number, FinanceFields.NotANumber);
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        var key = FinanceFields.StatementKey("bdf", siren, closing);
        return ParsedLine.Accepted(line, new FinancialStatement(key, siren, closing, null, items, cursor.Optional(BdfLayout.Name)));
    }
}
