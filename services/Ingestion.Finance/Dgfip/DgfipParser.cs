using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Ingestion.Finance.Conventions;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Finance.Dgfip;

/// <summary>
/// DGFiP tax returns (<see cref="DgfipLayout"/>): one statement per line. The length of the fiscal
/// year comes from its two dates; staff costs are wages (FY) plus social charges (FZ), as Diane
/// reports them, so indicators read one item whatever the source.
/// </summary>
public sealed class DgfipParser : DelimitedParser<DgfipLayout>
{
    private static readonly Func<string, DateOnly?> Date = FinanceFields.Date("yyyyMMdd");
    private const string NotADate = "not a date like 20231231 (yyyyMMdd)";
    private static readonly LineFormat Pipe = LineFormat.Unquoted('|');

    protected override IReadOnlyList<string> RequiredColumns => DgfipLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => [DgfipLayout.Siren, DgfipLayout.Start, DgfipLayout.End, "<form>_<box>…"];

    // '|' and no quoting: a quote in a DGFiP line is data.
    protected override LineFormat FormatOf(string header) => Pipe;

    protected override DgfipLayout ReadLayout(IReadOnlyList<string> header, List<string> missing) => DgfipLayout.Read(header, missing);

    protected override void ParseLine(string[] fields, ColumnMap columns, DgfipLayout layout, string fileName, long line, List<ParsedLine> output)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(DgfipLayout.Siren, FinanceFields.Siren, FinanceFields.NotASiren);
        var start = cursor.OptionalValue(DgfipLayout.Start, Date, NotADate);
        var end = cursor.Parse(DgfipLayout.End, Date, NotADate);
        if (cursor.Reject is null && start is { } s && s >= end)
            cursor.Fail(DgfipLayout.End, fields[columns[DgfipLayout.End]], $"fiscal year ends before it starts ({s:yyyy-MM-dd})");
        var items = new Dictionary<string, decimal?>(layout.Boxes.Count + 1);
        foreach (var box in layout.Boxes)
        {
            var raw = fields[box.Index];
            decimal? value = null;
            if (raw.Length > 0 && (value = FinanceFields.Number(raw)) is null) cursor.Fail(box.Header, raw, FinanceFields.NotANumber);
            items[box.Code] = value;
        }
        if (cursor.Reject is { } reject)
        {
            output.Add(ParsedLine.Rejected(reject));
            return;
        }
        if (items.ContainsKey(DgfipBoxes.Wages) || items.ContainsKey(DgfipBoxes.SocialCharges))
        {
            var wages = items.GetValueOrDefault(DgfipBoxes.Wages);
            var charges = items.GetValueOrDefault(DgfipBoxes.SocialCharges);
            items[FinancialItemCodes.StaffCosts] = wages is null && charges is null ? null : (wages ?? 0) + (charges ?? 0);
        }
        int? months = start is { } from ? MonthsBetween(from, end) : null;
        var key = FinanceFields.StatementKey("dgfip", siren, end);
        output.Add(ParsedLine.Accepted(line, new FinancialStatement(key, siren, end, months, items)));
    }

    /// <summary>Whole months from the first day to the day after the last (1 Jan–31 Dec is 12); a partial month counts when half or more of it.</summary>
    private static int MonthsBetween(DateOnly first, DateOnly last)
    {
        var next = last.AddDays(1);
        var months = (next.Year - first.Year) * 12 + next.Month - first.Month;
        var days = next.Day - first.Day;
        return Math.Max(1, months + (days >= 15 ? 1 : days <= -15 ? -1 : 0));
    }
}
