using System.Globalization;
using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Judiciaire.Paydex;

/// <summary>
/// Altares paydex (supplier payment delays): one company at one value date per line
/// (<see cref="SupplierPaymentDelay"/>). The stock gives the delay in days; the monthly increment
/// adds the paydex index, the suppliers and amounts studied and the FPI ratings, and its trailer
/// <c>Fin du fichier : total N ligne(s)</c> must count its data lines, else it is refused whole.
/// </summary>
public sealed partial class PaydexParser : DelimitedParser<PaydexLayout>
{
    private const string NotADate = "not a date (dd/MM/yyyy or yyyy-MM-dd)";

    private static readonly LineCountTrailer IncrementTrailer = new(TrailerLine(), "Fin du fichier : total N ligne(s)");

    // Both layouts name the SIREN (SIREN / Siren); the rest depends on the layout.
    protected override IReadOnlyList<string> RequiredColumns => [PaydexStockColumns.Siren];

    protected override IReadOnlyList<string> ExpectedColumns => PaydexStockColumns.Current;

    protected override LineFormat FormatOf(string header) => LineFormat.Semicolon;

    protected override PaydexLayout ReadLayout(IReadOnlyList<string> header, List<string> missing)
    {
        var names = header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var layout = names.Contains(PaydexIncrementColumns.Days) ? PaydexLayout.Increment : PaydexLayout.Stock;
        var required = layout == PaydexLayout.Increment ? PaydexIncrementColumns.Required : PaydexStockColumns.Current;
        missing.AddRange(required.Where(c => !names.Contains(c) && !missing.Contains(c, StringComparer.OrdinalIgnoreCase)));
        return layout;
    }

    protected override LineCountTrailer? TrailerOf(PaydexLayout layout) => layout == PaydexLayout.Increment ? IncrementTrailer : null;

    protected override void ParseLine(string[] fields, ColumnMap columns, PaydexLayout layout, string fileName, long line, List<ParsedLine> output) =>
        output.Add(layout == PaydexLayout.Increment ? Increment(new FieldCursor(fields, columns, fileName, line), line) : Stock(new FieldCursor(fields, columns, fileName, line), line));

    private static ParsedLine Stock(FieldCursor c, long line)
    {
        var siren = c.Parse(PaydexStockColumns.Siren, SourceFields.Siren, "not a SIREN (9 digits)");
        var days = c.Parse(PaydexStockColumns.Days, SourceFields.Decimal, "not a number of days");
        var valueDate = c.Parse(PaydexStockColumns.ValueDate, Date, NotADate);
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);
        return ParsedLine.Accepted(line, new SupplierPaymentDelay(Key(siren.Value, valueDate), siren, valueDate, days, null, null, null, null, null, null));
    }

    private static ParsedLine Increment(FieldCursor c, long line)
    {
        var siren = c.Parse(PaydexIncrementColumns.Siren, SourceFields.Siren, "not a SIREN (9 digits)");
        var days = c.Parse(PaydexIncrementColumns.Days, SourceFields.Decimal, "not a number of days");
        var valueDate = c.Parse(PaydexIncrementColumns.ValueDate, Date, NotADate);
        var paydex = c.OptionalValue(PaydexIncrementColumns.Paydex, SourceFields.WholeNumber, "not a paydex index");
        var suppliers = c.OptionalValue(PaydexIncrementColumns.Suppliers, SourceFields.WholeNumber, "not a number of suppliers");
        var studied = c.OptionalValue(PaydexIncrementColumns.AmountStudied, SourceFields.Decimal, "not an amount");
        var overdue = c.OptionalValue(PaydexIncrementColumns.AmountOverdue, SourceFields.Decimal, "not an amount");
        var fpi30 = c.OptionalValue(PaydexIncrementColumns.Fpi30, SourceFields.Decimal, "not a rating");
        var fpi90 = c.OptionalValue(PaydexIncrementColumns.Fpi90, SourceFields.Decimal, "not a rating");
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);
        return ParsedLine.Accepted(line, new SupplierPaymentDelay(Key(siren.Value, valueDate), siren, valueDate, days, paydex, suppliers, studied, overdue, fpi30, fpi90));
    }

    // A company has one measure per value date, in the stock and in the increments alike.
    private static string Key(string siren, DateOnly valueDate) => $"paydex:{siren}:{valueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static DateOnly? Date(string v) => SourceFields.FrenchDate(v) ?? SourceFields.IsoDate(v);

    [GeneratedRegex(@"^\s*Fin du fichier\s*:\s*total\s+(?<count>\d+)\s+ligne\(s\)\s*;*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailerLine();
}
