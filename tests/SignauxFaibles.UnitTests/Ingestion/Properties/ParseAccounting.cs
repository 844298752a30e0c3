using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion.Properties;

/// <summary>The counters a batch keeps, summed over the slices <see cref="ReadAhead"/> cuts, as <c>BatchIngestor</c> sums them.</summary>
public readonly record struct Ledger(long LinesRead, long RecordsAccepted, long LinesRejected, long LinesWithWarnings);

/// <summary>One parse as the service runs it: what the parser yielded, the ledger, or the refusal.</summary>
public sealed record ParseRun(IReadOnlyList<ParsedLine> Lines, Ledger Ledger, Exception? Refusal);

/// <summary>Lines as <see cref="TextReader.ReadLine"/> cuts them ('\n', '\r' or "\r\n"): the header is line 1.</summary>
public static class TextOracle
{
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>What the upload path decodes the bytes to (gzip unwrapped, encoding detected).</summary>
    public static async Task<string> DecodeAsync(byte[] bytes)
    {
        var (reader, _) = await DeliveredContent.OpenTextAsync(new MemoryStream(bytes), CancellationToken.None);
        using (reader) return await reader.ReadToEndAsync();
    }
}

public static class ParseAccounting
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Opens the bytes as an upload is opened (<see cref="DeliveredFile"/>: zip and gzip unwrapped,
    /// encoding detected through <see cref="DeliveredContent"/>) and parses them through the
    /// read-ahead slicing the batch ingestor uses, with small slices so a line's results straddle two.
    /// Only the failures <c>BatchIngestor</c> turns into a refused file are caught; anything else escapes.
    /// </summary>
    public static async Task<ParseRun> RunAsync(IRecordParser parser, byte[] bytes)
    {
        using var budget = new CancellationTokenSource(Budget);
        var seen = new List<ParsedLine>();
        long read = 0, records = 0, rejects = 0, warned = 0;
        try
        {
            await using var delivered = await DeliveredFile.OpenAsync(new MemoryStream(bytes), budget.Token);
            await foreach (var slice in Tap(delivered.ParseAsync(parser, "property.csv", budget.Token), seen).SliceAsync(7, budget.Token))
            {
                (read, records, rejects, warned) = (read + slice.LinesRead, records + slice.Records.Length, rejects + slice.Rejects.Length, warned + slice.LinesWithWarnings);
            }
        }
        catch (Exception ex) when (IsRefusal(ex, bytes))
        {
            return new ParseRun(seen, default, ex);
        }
        return new ParseRun(seen, new Ledger(read, records, rejects, warned), null);
    }

    // A refusal proper, or a compressed delivery found corrupt while read (the ingestor refuses those too).
    private static bool IsRefusal(Exception ex, byte[] bytes) =>
        ex is FileRefusedException || (ex is InvalidDataException or EndOfStreamException && IsCompressed(bytes));

    public static bool IsCompressed(byte[] bytes) =>
        bytes is [0x1f, 0x8b, ..] || bytes is [(byte)'P', (byte)'K', 3, 4, ..];

    // Keeps what the parser yielded on its way to the slicing (read once the slicing has ended).
    private static async IAsyncEnumerable<ParsedLine> Tap(IAsyncEnumerable<ParsedLine> lines, List<ParsedLine> seen)
    {
        await foreach (var line in lines)
        {
            seen.Add(line);
            yield return line;
        }
    }

    /// <summary>What holds of any result, whatever the input: a record or a reject, on a line of the file, in order.</summary>
    public static void AssertWellFormed(IReadOnlyList<ParsedLine> lines, long fileLines)
    {
        long last = 0;
        foreach (var line in lines)
        {
            Assert.True(line.Record is null != line.Reject is null, $"line {line.Line}: a result is a record or a reject (record {line.Record}, reject {line.Reject})");
            Assert.True(line.Warnings is null || line.Record is not null, $"line {line.Line}: a rejected line carries no warnings");
            Assert.True(line.Line >= 2 && line.Line <= fileLines, $"line {line.Line}: outside the data lines 2..{fileLines}");
            Assert.True(line.Line >= last, $"line {line.Line} after line {last}: lines come in order");
            Assert.True(line.Reject is null || line.Reject.Line == line.Line, $"line {line.Line}: its reject names line {line.Reject?.Line}");
            Assert.All(line.Warnings ?? [], w => Assert.Equal(line.Line, w.Line));
            last = line.Line;
        }
    }

    /// <summary>
    /// A completed parse of <paramref name="text"/> accounts for every data line: each non-empty
    /// line after the header (but the trailer, when the layout closes with one) has results, no
    /// other line has any, and the ledger's counts follow: lines read = lines with records + lines
    /// rejected, lines with warnings (counted once) among the lines with records.
    /// </summary>
    public static void AssertAccounted(ParserUnderTest parser, string text, bool endsWithTrailer, ParseRun run)
    {
        var fileLines = TextOracle.Lines(text);
        AssertWellFormed(run.Lines, fileLines.Count);
        var data = Enumerable.Range(2, Math.Max(0, fileLines.Count - 1)).Where(n => fileLines[n - 1].Length > 0).Select(n => (long)n).ToList();
        if (endsWithTrailer)
        {
            Assert.NotEmpty(data);
            data.RemoveAt(data.Count - 1);
        }
        var byLine = run.Lines.GroupBy(l => l.Line).ToList();
        Assert.Equal(data, byLine.Select(g => g.Key));

        foreach (var results in byLine)
        {
            if (!parser.SeveralResultsPerLine)
            {
                Assert.True(results.Count() == 1, $"line {results.Key}: {results.Count()} results where the layout gives one");
                continue;
            }
            // A line flattened into cells: either rejected whole (one reject) or one result per cell, each reject naming its cell.
            if (results.Count() > 1) Assert.All(results.Where(r => r.Reject is not null), r => Assert.NotNull(r.Reject!.Column));
        }

        var withRecords = byLine.Where(g => g.Any(l => l.Record is not null)).Select(g => g.Key).ToHashSet();
        var rejectedWhole = byLine.Count(g => !withRecords.Contains(g.Key));
        var withWarnings = run.Lines.Where(l => l.Warnings is not null).Select(l => l.Line).ToHashSet();
        var ledger = run.Ledger;
        Assert.Equal(data.Count, ledger.LinesRead);
        Assert.Equal(run.Lines.Count(l => l.Record is not null), ledger.RecordsAccepted);
        Assert.Equal(run.Lines.Count(l => l.Reject is not null), ledger.LinesRejected);
        Assert.Equal(ledger.LinesRead, withRecords.Count + rejectedWhole);
        // One result per line: the ledger's own counts balance (records are lines, rejects are lines).
        if (!parser.SeveralResultsPerLine) Assert.Equal(ledger.LinesRead, ledger.RecordsAccepted + ledger.LinesRejected);
        Assert.Subset(withRecords, withWarnings);
        Assert.Equal(withWarnings.Count, ledger.LinesWithWarnings);
    }
}
