using System.Runtime.CompilerServices;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Urssaf.Conventions;

/// <summary>
/// Base of the wide headcount files: identity columns, then one column per month (effAAAAQM).
/// One line yields one record per non-empty month cell, all under the line's number, which the
/// one-line-one-record shape of <see cref="DelimitedParser"/> cannot express. The month columns are
/// local to each call, so one instance can read several files at once.
/// </summary>
public abstract class WideHeadcountParser : IRecordParser
{
    /// <summary>Columns that must be present besides at least one month column.</summary>
    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The current layout, quoted in the refusal message.</summary>
    protected abstract IReadOnlyList<string> ExpectedColumns { get; }

    /// <summary>Reads the line's identifier; returns how to build its month records, or null with the reject in the cursor.</summary>
    protected abstract Func<YearMonth, int, ISourceRecord>? ReadIdentity(FieldCursor cursor);

    public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = SemicolonLine.Split((await reader.ReadLineAsync(cancellationToken) ?? string.Empty).TrimStart('\uFEFF'));
        var columns = ColumnMap.FromHeader(header);
        var months = MonthColumn.FindAll(header);
        var missing = RequiredColumns.Where(c => !columns.Has(c)).ToList();
        if (months.Count == 0) missing.Add(MonthColumn.Pattern);
        if (missing.Count > 0) throw new HeaderMismatchException(fileName, missing, ExpectedColumns);

        long lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            lineNumber++;
            if (text.Length == 0) continue;
            var fields = SemicolonLine.Split(text);
            if (fields.Length != columns.Count)
            {
                yield return ParsedLine.Rejected(new LineReject(fileName, lineNumber, null, null, null,
                    $"wrong number of fields: {fields.Length} instead of {columns.Count}"));
                continue;
            }
            foreach (var parsed in ParseLine(fields, columns, months, fileName, lineNumber)) yield return parsed;
        }
    }

    private IEnumerable<ParsedLine> ParseLine(string[] fields, ColumnMap columns, IReadOnlyList<MonthColumn> months, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var create = ReadIdentity(cursor);
        // Without its identifier no cell can be attributed to anyone: the whole line is rejected.
        if (cursor.Reject is not null || create is null)
        {
            yield return ParsedLine.Rejected(cursor.Reject ?? new LineReject(fileName, line, null, null, null, "no identifier"));
            yield break;
        }
        foreach (var month in months)
        {
            var raw = fields[month.Index];
            if (raw.Length == 0) continue; // empty: the headcount is unknown, which is not zero
            // A bad cell rejects only its own month: the other cells are sound facts about the same
            // identifier, and dropping them would lose more than it protects; the reject names the cell.
            if (month.Month is not { } ym)
                yield return CellRejected(fileName, line, month, raw, month.Problem ?? MonthColumn.NotAMonth);
            else if (HeadcountCells.Parse(raw) is not { } headcount)
                yield return CellRejected(fileName, line, month, raw, HeadcountCells.NotAHeadcount);
            else
                yield return ParsedLine.Accepted(line, create(ym, headcount));
        }
    }

    private static ParsedLine CellRejected(string fileName, long line, MonthColumn month, string raw, string reason) =>
        ParsedLine.Rejected(new LineReject(fileName, line, month.Index + 1, month.Name, raw, reason));
}
