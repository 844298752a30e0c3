using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Parses ahead on another thread while the caller writes the previous slices: parsing and
/// serialising/storing chunks then use both cores instead of taking turns. At most
/// <see cref="Depth"/> slices wait, so memory stays bounded whatever the file's size.
/// </summary>
public static class ReadAhead
{
    public const int Depth = 2;

    /// <param name="serialise">Optional work done on the parsing thread for each slice's records (see <see cref="ChunkJson"/>).</param>
    public static async IAsyncEnumerable<ParsedSlice> SliceAsync(
        this IAsyncEnumerable<ParsedLine> lines, int sliceSize, [EnumeratorCancellation] CancellationToken ct,
        Func<ISourceRecord[], byte[]>? serialise = null)
    {
        var channel = Channel.CreateBounded<ParsedSlice>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(lines, sliceSize, serialise, channel.Writer, stop.Token), stop.Token);
        var drained = false;
        try
        {
            await foreach (var slice in channel.Reader.ReadAllAsync(ct)) yield return slice;
            drained = true;
        }
        finally
        {
            if (!drained)
            {
                // The caller stopped early (its own failure, or cancellation): stop parsing too.
                await stop.CancelAsync();
                try
                {
                    await producer;
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    // The caller's failure is the one that matters.
                }
            }
        }
        // Rethrows the parser's own failure (refused header, truncated gzip…) with its own type.
        await producer;
    }

    private static async Task ProduceAsync(IAsyncEnumerable<ParsedLine> lines, int sliceSize, Func<ISourceRecord[], byte[]>? serialise,
        ChannelWriter<ParsedSlice> writer, CancellationToken ct)
    {
        try
        {
            var records = new List<ISourceRecord>(sliceSize);
            var rejects = new List<LineReject>();
            var warnings = new List<LineReject>();
            long linesRead = 0, invalidChecksums = 0, linesWithWarnings = 0, lastLine = -1;
            await foreach (var line in lines.WithCancellation(ct))
            {
                if (line.Line != lastLine) linesRead++;
                lastLine = line.Line;
                if (line.Record is { } record)
                {
                    if (IdentifierChecks.HasInvalidChecksum(record)) invalidChecksums++;
                    records.Add(record);
                    if (line.Warnings is { } lineWarnings)
                    {
                        warnings.AddRange(lineWarnings);
                        linesWithWarnings++;
                    }
                }
                else if (line.Reject is { } reject)
                {
                    rejects.Add(reject);
                }
                // Rejects count too: a file of nothing but bad lines must not pile them all up in memory.
                if (records.Count + rejects.Count >= sliceSize) await EmitAsync();
            }
            if (records.Count > 0 || rejects.Count > 0 || linesRead > 0) await EmitAsync();

            async Task EmitAsync()
            {
                ISourceRecord[] slice = [.. records];
                var json = serialise is not null && slice.Length > 0 ? serialise(slice) : null;
                await writer.WriteAsync(new ParsedSlice(slice, [.. rejects], [.. warnings], linesRead, invalidChecksums, json) { LinesWithWarnings = linesWithWarnings }, ct);
                records.Clear();
                rejects.Clear();
                warnings.Clear();
                linesRead = invalidChecksums = linesWithWarnings = 0;
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
