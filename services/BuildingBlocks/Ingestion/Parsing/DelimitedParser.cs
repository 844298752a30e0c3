using System.Runtime.CompilerServices;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Base of the parsers of delimited files with a header: checks the header against the layout,
/// splits each line and hands the fields to <see cref="ParseFields"/>. Blank lines are skipped.
/// </summary>
public abstract class DelimitedParser : IRecordParser
{
    /// <summary>Columns that must be present (names compared case-insensitively).</summary>
    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The current layout, quoted in the refusal message.</summary>
    protected virtual IReadOnlyList<string> ExpectedColumns => RequiredColumns;

    protected abstract string[] Split(string line);

    protected abstract ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line);

    /// <summary>A line that is not data (a trailer, a comment); it is neither counted nor rejected.</summary>
    protected virtual bool IsIgnored(string line) => line.Length == 0;

    public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await reader.ReadLineAsync(cancellationToken);
        var columns = ColumnMap.FromHeader(Split((header ?? string.Empty).TrimStart('\uFEFF')));
        var missing = RequiredColumns.Where(c => !columns.Has(c)).ToList();
        if (header is null || missing.Count > 0) throw new HeaderMismatchException(fileName, header is null ? RequiredColumns : missing, ExpectedColumns);

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
            yield return ParseFields(fields, columns, fileName, lineNumber);
        }
        await OnEndAsync(fileName, lineNumber);
    }

    /// <summary>Called after the last line, e.g. to check a trailer count; may throw <see cref="FileRefusedException"/>.</summary>
    protected virtual Task OnEndAsync(string fileName, long lastLine) => Task.CompletedTask;
}
