using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Urssaf.Conventions;

/// <summary>
/// Base of the wide headcount files: identity columns, then one column per month (effAAAAQM).
/// One line yields one record per non-empty month cell, all under the line's number; a line with
/// none is rejected. The month columns are read from each file's header (the layout), so one
/// instance can read several files at once.
/// </summary>
public abstract class WideHeadcountParser : DelimitedParser<IReadOnlyList<MonthColumn>>
{
    /// <summary>Reads the line's identifier; returns how to build its month records, or null with the reject in the cursor.</summary>
    protected abstract Func<YearMonth, int, ISourceRecord>? ReadIdentity(FieldCursor cursor);

    protected override LineFormat FormatOf(string header) => LineFormat.Semicolon;

    protected override IReadOnlyList<MonthColumn> ReadLayout(IReadOnlyList<string> header, List<string> missing)
    {
        var months = MonthColumn.FindAll(header);
        if (months.Count == 0) missing.Add(MonthColumn.Pattern);
        return months;
    }

    protected override void ParseLine(string[] fields, ColumnMap columns, IReadOnlyList<MonthColumn> months, string fileName, long line, List<ParsedLine> output)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var create = ReadIdentity(cursor);
        // Without its identifier no cell can be attributed to anyone: the whole line is rejected.
        if (cursor.Reject is not null || create is null)
        {
            output.Add(ParsedLine.Rejected(cursor.Reject ?? new LineReject(fileName, line, null, null, null, "no identifier")));
            return;
        }
        foreach (var month in months)
        {
            var raw = fields[month.Index];
            if (raw.Length == 0) continue; // empty: the headcount is unknown, which is not zero
            // A bad cell rejects only its own month: the other cells are sound facts about the same
            // identifier, and dropping them would lose more than it protects; the reject names the cell.
            if (month.Month is not { } ym)
                output.Add(CellRejected(fileName, line, month, raw, month.Problem ?? MonthColumn.NotAMonth));
            else if (HeadcountCells.Parse(raw) is not { } headcount)
                output.Add(CellRejected(fileName, line, month, raw, HeadcountCells.NotAHeadcount));
            else
                output.Add(ParsedLine.Accepted(line, create(ym, headcount)));
        }
        // Every line is accounted for (the batch counts the lines read from the results): one
        // whose month cells are all empty is reported, not silently dropped.
        if (output.Count == 0) output.Add(ParsedLine.Rejected(new LineReject(fileName, line, null, null, null, HeadcountCells.NoMonth)));
    }

    private static ParsedLine CellRejected(string fileName, long line, MonthColumn month, string raw, string reason) =>
        ParsedLine.Rejected(new LineReject(fileName, line, month.Index + 1, month.Name, raw, reason));
}
