using System.Runtime.CompilerServices;
using SignauxFaibles.Ingestion.Spreadsheets;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Base of the parsers of delimited files with a header: checks the header against the layout,
/// reads per-file facts from it (<typeparamref name="TLayout"/>, e.g. which columns are months),
/// splits each line (Sep, by the layout's <see cref="LineFormat"/>) and hands the fields to
/// <see cref="ParseLine"/>, which may yield one result or several (one per cell of a wide file).
/// Blank lines are skipped; a line or a field over its limit is rejected. The same layout is read
/// from the first sheet of an xlsx delivery (<see cref="ParseRowsAsync"/>).
/// </summary>
public abstract class DelimitedParser<TLayout> : IWorkbookRecordParser, ILineByLineParser
{
    /// <summary>Longest line read as data (characters); a longer one is rejected unsplit. Real lines are a few KiB at most.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Longest field (characters); a longer one rejects its line, naming the column. Real fields are a few hundred at most.</summary>
    public const int MaxFieldLength = 1 << 16;

    /// <summary>Columns that must be present (names compared case-insensitively).</summary>
    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The current layout, quoted in the refusal message.</summary>
    protected virtual IReadOnlyList<string> ExpectedColumns => RequiredColumns;

    /// <summary>How the file's lines split, given its header line (most layouts have one format whatever the header).</summary>
    protected abstract LineFormat FormatOf(string header);

    /// <summary>Per-file facts from the header; adds to <paramref name="missing"/> what else the layout lacks.</summary>
    protected abstract TLayout ReadLayout(IReadOnlyList<string> header, List<string> missing);

    /// <summary>Adds the line's result(s) to <paramref name="output"/> (a list reused from line to line).</summary>
    protected abstract void ParseLine(string[] fields, ColumnMap columns, TLayout layout, string fileName, long line, List<ParsedLine> output);

    /// <summary>
    /// The layout's name for a header cell as the file writes it (default: as written). A layout
    /// whose producers spell their headers freely maps their spellings to its own here.
    /// </summary>
    protected virtual string ColumnName(string header) => header;

    /// <summary>Rewrites the split fields of a text line in place (e.g. a producer's placeholder for a withheld value).</summary>
    protected virtual void Normalise(string[] fields)
    {
    }

    /// <summary>A line that is not data (a trailer, a comment); it is neither counted nor rejected.</summary>
    protected virtual bool IsIgnored(ReadOnlySpan<char> line) => line.IsEmpty;

    /// <summary>
    /// A closing line with the number of data lines, checked at the end of a text delivery; null
    /// (the default) when the layout has none. Only parsers that declare one pay for the check.
    /// </summary>
    protected virtual LineCountTrailer? TrailerOf(TLayout layout) => null;

    public IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, CancellationToken cancellationToken = default) =>
        ParseTextAsync(reader, fileName, (text, format) => new SepLines(text, format, MaxLineLength), cancellationToken);

    IAsyncEnumerable<ParsedLine> ILineByLineParser.ParseLineByLineAsync(TextReader reader, string fileName, CancellationToken cancellationToken) =>
        ParseTextAsync(reader, fileName, (text, format) => new ReadLineLines(text, format), cancellationToken);

    private async IAsyncEnumerable<ParsedLine> ParseTextAsync(TextReader reader, string fileName, Func<TextReader, LineFormat, TextLines> open,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var headerLine = HeaderLine.Read(reader, MaxLineLength, fileName);
        var headerText = (headerLine ?? string.Empty).TrimStart('\uFEFF');
        var format = FormatOf(headerText);
        var header = ReadHeader(format.Split(headerText), headerLine is null, fileName);
        var trailer = TrailerOf(header.Layout)?.Start(fileName);

        var output = new List<ParsedLine>(1);
        // Synchronous reads: the reader is buffered (64 KiB) and parsing runs on a background
        // worker, so an awaited call per line would cost more than it frees.
        using var lines = open(reader, format);
        while (lines.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TakeLine(lines, header, trailer, fileName, output)) continue;
            foreach (var parsed in output) yield return parsed;
        }
        trailer?.Finish();
        await OnEndAsync(fileName, lines.Number);
    }

    /// <summary>Fills <paramref name="output"/> with the current line's results; false for a line that is not data.</summary>
    private bool TakeLine(TextLines lines, Header header, LineCountTrailer.Check? trailer, string fileName, List<ParsedLine> output)
    {
        var text = lines.Text;
        if (trailer is not null && trailer.IsTrailer(text.ToString(), lines.Number)) return false;
        if (IsIgnored(text)) return false;
        trailer?.CountDataLine();
        if (lines.Length > MaxLineLength)
        {
            output.Clear();
            output.Add(ParsedLine.Rejected(new LineReject(fileName, lines.Number, null, null, string.Concat(text[..64], "…"),
                $"a line of {lines.Length:N0} characters: longer than the {MaxLineLength:N0} a line may have")));
            return true;
        }
        var fields = lines.Split();
        Normalise(fields);
        ParseRow(fields, header, fileName, lines.Number, output);
        return true;
    }

    /// <summary>
    /// The same layout read from a worksheet: the first row is the header, blank rows are skipped,
    /// and line numbers are the sheet's row numbers. Cells come as a CSV export would write them.
    /// </summary>
    public async IAsyncEnumerable<ParsedLine> ParseRowsAsync(IEnumerable<SheetRow> rows, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var sheet = rows.GetEnumerator();
        var first = sheet.MoveNext() ? sheet.Current : null;
        var header = ReadHeader(first?.Cells ?? [], first is null, fileName);
        var output = new List<ParsedLine>(1);
        long lastRow = 1;
        while (sheet.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = sheet.Current;
            lastRow = row.Number;
            if (row.IsBlank) continue;
            ParseRow(row.Cells, header, fileName, row.Number, output);
            foreach (var parsed in output) yield return parsed;
        }
        await OnEndAsync(fileName, lastRow);
    }

    private Header ReadHeader(string[] cells, bool empty, string fileName)
    {
        var names = Array.ConvertAll(cells, ColumnName);
        var columns = ColumnMap.FromHeader(names);
        var missing = RequiredColumns.Where(c => !columns.Has(c)).ToList();
        var layout = ReadLayout(names, missing);
        if (empty || missing.Count > 0) throw new HeaderMismatchException(fileName, empty ? RequiredColumns : missing, ExpectedColumns);
        return new Header(columns, layout, names);
    }

    private void ParseRow(string[] fields, Header header, string fileName, long lineNumber, List<ParsedLine> output)
    {
        output.Clear();
        if (fields.Length != header.Columns.Count)
        {
            output.Add(ParsedLine.Rejected(new LineReject(fileName, lineNumber, null, null, null,
                $"wrong number of fields: {fields.Length} instead of {header.Columns.Count}")));
            return;
        }
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length <= MaxFieldLength) continue;
            output.Add(ParsedLine.Rejected(new LineReject(fileName, lineNumber, i + 1, header.Names[i].Trim(), string.Concat(fields[i].AsSpan(0, 64), "…"),
                $"a field of {fields[i].Length:N0} characters: longer than the {MaxFieldLength:N0} a field may have")));
            return;
        }
        ParseLine(fields, header.Columns, header.Layout, fileName, lineNumber, output);
    }

    /// <summary>Called after the last line, e.g. to check a trailer count; may throw <see cref="FileRefusedException"/>.</summary>
    protected virtual Task OnEndAsync(string fileName, long lastLine) => Task.CompletedTask;

    private sealed record Header(ColumnMap Columns, TLayout Layout, string[] Names);
}

/// <summary>The usual shape: one line, one record or one reject, by column name.</summary>
public abstract class DelimitedParser : DelimitedParser<bool>
{
    protected abstract ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line);

    protected sealed override bool ReadLayout(IReadOnlyList<string> header, List<string> missing) => true;

    protected sealed override void ParseLine(string[] fields, ColumnMap columns, bool layout, string fileName, long line, List<ParsedLine> output) =>
        output.Add(ParseFields(fields, columns, fileName, line));
}
