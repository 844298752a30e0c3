using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// Bounds on what a compressed delivery may expand to, so that a small upload cannot fill the disk
/// or the memory ("compression bomb"): a total size, and a ratio checked once enough is read for it
/// to mean something (a real CSV compresses 5–20×, rarely above 50×).
/// </summary>
/// <param name="MaxBytes">Largest decompressed content.</param>
/// <param name="MaxRatio">Largest ratio of decompressed bytes to compressed bytes read so far.</param>
/// <param name="RatioCheckFrom">Decompressed bytes after which the ratio is checked (small files may compress far better).</param>
public sealed record DecompressionLimits(long MaxBytes, double MaxRatio, long RatioCheckFrom)
{
    public static DecompressionLimits Default { get; } = new(100L << 30, 200, 64L << 20);
}

/// <summary>Counts what a decompressing stream yields and refuses the file beyond its <see cref="DecompressionLimits"/>.</summary>
internal sealed class BoundedDecompressionStream(Stream decompressed, Stream compressed, DecompressionLimits limits) : ReadOnlyWrapperStream(decompressed)
{
    private long _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer) => Count(Inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await Inner.ReadAsync(buffer, cancellationToken));

    private int Count(int n)
    {
        _read += n;
        if (_read > limits.MaxBytes)
            throw new FileRefusedException($"The file decompresses to more than {limits.MaxBytes:N0} bytes: refused (decompressed-size limit).");
        var consumed = Math.Max(1, compressed.Position);
        if (_read >= limits.RatioCheckFrom && _read > limits.MaxRatio * consumed)
        {
            throw new FileRefusedException(
                $"The file decompresses more than {limits.MaxRatio:0}-fold ({_read:N0} bytes from its first {consumed:N0} compressed bytes): refused as a compression bomb.");
        }
        return n;
    }
}
