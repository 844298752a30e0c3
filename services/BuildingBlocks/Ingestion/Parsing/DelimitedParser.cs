using System.Runtime.CompilerServices;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Base of the parsers of delimited files with a header: checks the header against the layout,
/// reads per-file facts from it (<typeparamref name="TLayout"/>, e.g. which columns are months),
/// splits each line and hands the fields to <see cref="ParseLine"/>, which may yield one result
/// or several (one per cell of a wide file). Blank lines are skipped.
/// </summary>
public abstract class DelimitedParser<TLayout> : IRecordParser
{
    /// <summary>Columns that must be present (names compared case-insensitively).</summary>
    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The current layout, quoted in the refusal message.</summary>
    protected virtual IReadOnlyList<string> ExpectedColumns => RequiredColumns;

    protected abstract string[] Split(string line);

    /// <summary>Per-file facts from the header; adds to <paramref name="missing"/> what else the layout lacks.</summary>
    protected abstract TLayout ReadLayout(IReadOnlyList<string> header, List<string> missing);

    /// <summary>Adds the line's result(s) to <paramref name="output"/> (a list reused from line to line).</summary>
    protected abstract void ParseLine(string[] fields, ColumnMap columns, TLayout layout, string fileName, long line, List<ParsedLine> output);

    /// <summary>A line that is not data (a trailer, a comment); it is neither counted nor rejected.</summary>
    protected virtual bool IsIgnored(string line) => line.Length == 0;

    public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await reader.ReadLineAsync(cancellationToken);
        var names = Split((header ?? string.Empty).TrimStart('\uFEFF'));
        var columns = ColumnMap.FromHeader(names);
        var missing = RequiredColumns.Where(c => !columns.Has(c)).ToList();
        var layout = ReadLayout(names, missing);
        if (header is null || missing.Count > 0) throw new HeaderMismatchException(fileName, header is null ? RequiredColumns : missing, ExpectedColumns);

        var output = new List<ParsedLine>(1);
        long lineNumber = 1;
        // Synchronous reads: the reader is buffered (64 KiB) and parsing runs on a background
        // worker, so an awaited call per line would cost more than it frees.
        while (reader.ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (IsIgnored(text)) continue;
            var fields = Split(text);
            if (fields.Length != columns.Count)
            {
                yield return ParsedLine.Rejected(new LineReject(fileName, lineNumber, null, null, null,
                    $"wrong number of fields: {fields.Length} instead of {columns.Count}"));
                continue;
            }
            output.Clear();
            ParseLine(fields, columns, layout, fileName, lineNumber, output);
            foreach (var parsed in output) yield return parsed;
        }
        await OnEndAsync(fileName, lineNumber);
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
