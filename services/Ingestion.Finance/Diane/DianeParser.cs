using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Ingestion.Finance.Conventions;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Finance.Diane;

/// <summary>
/// Diane (Bureau van Dijk) exports: UTF-16LE with BOM, ';', quoted, decimal comma; one line per
/// company with one column per item and year. Each line is flattened to one statement per fiscal
/// year that has a closing date, amounts converted from k€ to euros. A year with nothing at all
/// is no statement (the company has fewer years of accounts than the export has columns); a bad
/// cell rejects its own year only, naming the cell. The export's text columns about the company
/// (Marquée, Statut juridique, Procédure collective) are not carried: proceedings come from the
/// judicial sources, which date them.
/// </summary>
public sealed class DianeParser : DelimitedParser<DianeLayout>
{
    private static readonly Func<string, DateOnly?> ClosingDate = FinanceFields.Date("dd/MM/yyyy");

    protected override IReadOnlyList<string> RequiredColumns => [DianeLayout.Siren];

    protected override IReadOnlyList<string> ExpectedColumns =>
        [DianeLayout.Siren, DianeLayout.Name, $"{DianeLayout.ClosingDate} <year>", $"{DianeLayout.Months} <year>", "<item> <year>…"];

    protected override LineFormat FormatOf(string header) => LineFormat.Semicolon;

    protected override DianeLayout ReadLayout(IReadOnlyList<string> header, List<string> missing) => DianeLayout.Read(header, missing);

    protected override void ParseLine(string[] fields, ColumnMap columns, DianeLayout layout, string fileName, long line, List<ParsedLine> output)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(DianeLayout.Siren, FinanceFields.Siren, FinanceFields.NotASiren);
        var name = cursor.Optional(DianeLayout.Name);
        if (cursor.Reject is { } reject)
        {
            // Without the company no year can be attributed to anyone.
            output.Add(ParsedLine.Rejected(reject));
            return;
        }
        var companyCounts = new List<(string Code, decimal? Value)>(layout.CompanyCounts.Count);
        foreach (var count in layout.CompanyCounts)
        {
            var (value, problem) = Read(fields, count, fileName, line);
            if (problem is not null)
            {
                // Counts are repeated on every year's statement: a bad one spoils them all.
                output.Add(ParsedLine.Rejected(problem));
                return;
            }
            companyCounts.Add((count.Code, value));
        }
        foreach (var year in layout.Years)
        {
            output.AddRange(ParseYear(fields, year, siren, name, companyCounts, fileName, line));
        }
        // Every line is accounted for: a company without a single year of accounts is reported, not silently dropped.
        if (output.Count == 0)
        {
            var first = layout.Years[0].ClosingDate!;
            output.Add(ParsedLine.Rejected(new LineReject(fileName, line, first.Index + 1, first.Header, fields[first.Index],
                "no fiscal year with a closing date: nothing to ingest for this company")));
        }
    }

    private static IEnumerable<ParsedLine> ParseYear(string[] fields, FiscalYearColumns year, Siren siren, string? name,
        List<(string Code, decimal? Value)> companyCounts, string fileName, long line)
    {
        var closingColumn = year.ClosingDate!;
        var rawClosing = fields[closingColumn.Index];
        var rawMonths = year.Months is { } m ? fields[m.Index] : string.Empty;
        var items = new Dictionary<string, decimal?>(year.Items.Count + companyCounts.Count);
        foreach (var item in year.Items)
        {
            var (value, problem) = Read(fields, item, fileName, line);
            if (problem is not null) return [ParsedLine.Rejected(problem)];
            items[item.Code] = value;
        }
        if (rawClosing.Length == 0)
        {
            if (rawMonths.Length == 0 && items.Values.All(v => v is null)) return [];
            return [Rejected(fileName, line, closingColumn, rawClosing, $"items delivered for {year.Year} but no closing date")];
        }
        if (ClosingDate(rawClosing) is not { } closing)
            return [Rejected(fileName, line, closingColumn, rawClosing, "not a date like 31/12/2017 (dd/MM/yyyy)")];
        int? months = null;
        if (rawMonths.Length > 0)
        {
            months = FinanceFields.WholeNumber(rawMonths);
            if (months is null or < 1) return [Rejected(fileName, line, year.Months!, rawMonths, "not a number of months")];
        }
        foreach (var (code, value) in companyCounts) items[code] = value;
        var key = FinanceFields.StatementKey("diane", siren, closing);
        return [ParsedLine.Accepted(line, new FinancialStatement(key, siren, closing, months, items, name))];
    }

    private static (decimal? Value, LineReject? Problem) Read(string[] fields, ItemColumn column, string fileName, long line)
    {
        var raw = fields[column.Index];
        if (raw.Length == 0 || IsNotAvailable(raw)) return (null, null);
        return FinanceFields.Number(raw) is { } value
            ? (value * column.Factor, null)
            : (null, Rejected(fileName, line, column, raw, FinanceFields.NotANumber).Reject);
    }

    // Diane writes "n.d." (non disponible) and "n.s." (non significatif, e.g. a ratio over a zero
    // denominator) where it has no value: both are an absence, not a bad cell.
    private static bool IsNotAvailable(string raw) =>
        raw.Equals("n.d.", StringComparison.OrdinalIgnoreCase) || raw.Equals("n.s.", StringComparison.OrdinalIgnoreCase);

    private static ParsedLine Rejected(string fileName, long line, ItemColumn column, string raw, string reason) =>
        ParsedLine.Rejected(new LineReject(fileName, line, column.Index + 1, column.Header, raw, reason));
}
