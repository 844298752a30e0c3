using System.Runtime.CompilerServices;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public sealed class ReadAheadTests
{
    private sealed record Fact(string RecordKey) : ISourceRecord;

    private static async IAsyncEnumerable<ParsedLine> Lines(int count, Func<int, bool> rejected, Exception? failAtEnd = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var line = 2; line < count + 2; line++)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return rejected(line)
                ? ParsedLine.Rejected(new LineReject("f.csv", line, 1, "c", "x", "bad"))
                : ParsedLine.Accepted(line, new Fact($"k{line}"));
        }
        if (failAtEnd is not null) throw failAtEnd;
    }

    [Fact]
    public async Task Slices_keep_every_line_in_order_with_their_counts()
    {
        var slices = new List<ParsedSlice>();
        await foreach (var slice in Lines(2_500, line => line % 10 == 0).SliceAsync(1_000, CancellationToken.None)) slices.Add(slice);

        Assert.Equal([1_000, 1_000, 500], slices.Select(s => s.Records.Length + s.Rejects.Length));
        Assert.Equal(2_500, slices.Sum(s => s.LinesRead));
        Assert.Equal(250, slices.Sum(s => s.Rejects.Length));
        var keys = slices.SelectMany(s => s.Records).Select(r => r.RecordKey).ToList();
        Assert.Equal(Enumerable.Range(2, 2_500).Where(l => l % 10 != 0).Select(l => $"k{l}"), keys);
    }

    [Fact]
    public async Task A_parser_failure_reaches_the_caller_with_its_own_type()
    {
        var failure = new FileRefusedException("truncated");
        var seen = 0;
        var thrown = await Assert.ThrowsAsync<FileRefusedException>(async () =>
        {
            await foreach (var slice in Lines(1_500, _ => false, failure).SliceAsync(1_000, CancellationToken.None)) seen += slice.Records.Length;
        });
        Assert.Same(failure, thrown);
        Assert.Equal(1_000, seen);
    }

    [Fact]
    public async Task A_caller_that_stops_early_stops_the_parser()
    {
        var produced = 0;
        async IAsyncEnumerable<ParsedLine> Endless([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var line = 2; ; line++)
            {
                ct.ThrowIfCancellationRequested();
                await Task.Yield();
                Interlocked.Increment(ref produced);
                yield return ParsedLine.Accepted(line, new Fact($"k{line}"));
            }
        }

        await foreach (var _ in Endless().SliceAsync(10, CancellationToken.None)) break;

        var stoppedAt = Volatile.Read(ref produced);
        await Task.Delay(100);
        Assert.Equal(stoppedAt, Volatile.Read(ref produced));
        // Bounded: the parser never ran more than a few slices ahead.
        Assert.True(stoppedAt <= 10 * (ReadAhead.Depth + 2), $"{stoppedAt} lines parsed");
    }
}
