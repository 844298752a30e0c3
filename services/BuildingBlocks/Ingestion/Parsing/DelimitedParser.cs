using System.Runtime.CompilerServices;
using SignauxFaibles.Ingestion.Spreadsheets;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Base of the parsers of delimited files with a header: checks the header against the layout,
/// reads per-file facts from it (<typeparamref name="TLayout"/>, e.g. which columns are months),
/// splits each line and hands the fields to <see cref="ParseLine"/>, which may yield one result
/// or several (one per cell of a wide file). Blank lines are skipped. The same layout is read
/// from the first sheet of an xlsx delivery (<see cref="ParseRowsAsync"/>).
/// </summary>
public abstract class DelimitedParser<TLayout> : IWorkbookRecordParser
{
    /// <summary>Longest line read as data (characters); a longer one is rejected unsplit. Real lines are a few KiB at most.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Columns that must be present (names compared case-insensitively).</summary>
    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The current layout, quoted in the refusal message.</summary>
    protected virtual IReadOnlyList<string> ExpectedColumns => RequiredColumns;

    protected abstract string[] Split(string line);

    /// <summary>Per-file facts from the header; adds to <paramref name="missing"/> what else the layout lacks.</summary>
    protected abstract TLayout ReadLayout(IReadOnlyList<string> header, List<string> missing);

    /// <summary>Adds the line's result(s) to <paramref name="output"/> (a list reused from line to line).</summary>
    protected abstract void ParseLine(string[] fields, ColumnMap columns, TLayout layout, string fileName, long line, List<ParsedLine> output);

    /// <summary>
    /// The layout's name for a header cell as the file writes it (default: as written). A layout
    /// whose producers spell their headers freely maps their spellings to its own here.
    /// </summary>
    protected virtual string ColumnName(string header) => header;

    /// <summary>A line that is not data (a trailer, a comment); it is neither counted nor rejected.</summary>
    protected virtual bool IsIgnored(string line) => line.Length == 0;

    /// <summary>
    /// A closing line with the number of data lines, checked at the end of a text delivery; null
    /// (the default) when the layout has none. Only parsers that declare one pay for the check.
    /// </summary>
    protected virtual LineCountTrailer? TrailerOf(TLayout layout) => null;

    public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await reader.ReadLineAsync(cancellationToken);
        var (columns, layout) = ReadHeader(Split((header ?? string.Empty).TrimStart('\uFEFF')), header is null, fileName);
        var trailer = TrailerOf(layout)?.Start(fileName);

        var output = new List<ParsedLine>(1);
        long lineNumber = 1;
        // Synchronous reads: the reader is buffered (64 KiB) and parsing runs on a background
        // worker, so an awaited call per line would cost more than it frees.
        while (reader.ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (trailer is not null && trailer.IsTrailer(text, lineNumber)) continue;
            if (IsIgnored(text)) continue;
            trailer?.CountDataLine();
            if (text.Length > MaxLineLength)
            {
                output.Clear();
                output.Add(ParsedLine.Rejected(new LineReject(fileName, lineNumber, null, null, text[..64] + "…",
                    $"a line of {text.Length:N0} characters: longer than the {MaxLineLength:N0} a line may have")));
            }
            else
            {
                ParseRow(Split(text), columns, layout, fileName, lineNumber, output);
            }
            foreach (var parsed in output) yield return parsed;
        }
        trailer?.Finish();
        await OnEndAsync(fileName, lineNumber);
    }

    /// <summary>
    /// The same layout read from a worksheet: the first row is the header, blank rows are skipped,
    /// and line numbers are the sheet's row numbers. Cells come as a CSV export would write them.
    /// </summary>
    public async IAsyncEnumerable<ParsedLine> ParseRowsAsync(IEnumerable<SheetRow> rows, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var sheet = rows.GetEnumerator();
        var header = sheet.MoveNext() ? sheet.Current : null;
        var (columns, layout) = ReadHeader(header?.Cells ?? [], header is null, fileName);
        var output = new List<ParsedLine>(1);
        long lastRow = 1;
        while (sheet.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = sheet.Current;
            lastRow = row.Number;
            if (row.IsBlank) continue;
            ParseRow(row.Cells, columns, layout, fileName, row.Number, output);
            foreach (var parsed in output) yield return parsed;
        }
        await OnEndAsync(fileName, lastRow);
    }

    private (ColumnMap Columns, TLayout Layout) ReadHeader(string[] header, bool empty, string fileName)
    {
        var names = Array.ConvertAll(header, ColumnName);
        var columns = ColumnMap.FromHeader(names);
        var missing = RequiredColumns.Where(c => !columns.Has(c)).ToList();
        var layout = ReadLayout(names, missing);
        if (empty || missing.Count > 0) throw new HeaderMismatchException(fileName, empty ? RequiredColumns : missing, ExpectedColumns);
        return (columns, layout);
    }

    private void ParseRow(string[] fields, ColumnMap columns, TLayout layout, string fileName, long lineNumber, List<ParsedLine> output)
    {
        output.Clear();
        if (fields.Length != columns.Count)
        {
            output.Add(ParsedLine.Rejected(new LineReject(fileName, lineNumber, null, null, null,
                $"wrong number of fields: {fields.Length} instead of {columns.Count}")));
            return;
        }
        ParseLine(fields, columns, layout, fileName, lineNumber, output);
    }

    /// <summary>Called after the last line, e.g. to check a trailer count; may throw <see cref="FileRefusedException"/>.</summary>
    protected virtual Task OnEndAsync(string fileName, long lastLine) => Task.CompletedTask;
}

/// <summary>The usual shape: one line, one record or one reject, by column name.</summary>
public abstract class DelimitedParser : DelimitedParser<bool>
{
    protected abstract ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line);

    protected sealed override bool ReadLayout(IReadOnlyList<string> header, List<string> missing) => true;

    protected sealed override void ParseLine(string[] fields, ColumnMap columns, bool layout, string fileName, long line, List<ParsedLine> output) =>
        output.Add(ParseFields(fields, columns, fileName, line));
}
