namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// .NET's GZipStream reads a truncated file without complaint, so a cut delivery would look
/// complete. The gzip trailer ends with ISIZE, the uncompressed length modulo 2^32: at the end
/// of the content the bytes read must match it, otherwise the file is refused. (A file made of
/// several concatenated gzip members carries only the last member's ISIZE; it is refused too,
/// with the same message, which names both lengths.)
/// </summary>
internal sealed class GzipLengthCheckStream(Stream decompressed, uint expectedLength) : ReadOnlyWrapperStream(decompressed)
{
    private long _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer) => Check(Inner.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Check(await Inner.ReadAsync(buffer, cancellationToken), buffer.Length);

    private int Check(int n, int requested)
    {
        _read += n;
        if (n == 0 && requested > 0 && (uint)(_read & 0xFFFFFFFF) != expectedLength)
        {
            throw new InvalidDataException(
                $"The gzip file is truncated: it decompresses to {_read} bytes but its trailer announces {expectedLength} (mod 2^32).");
        }
        return n;
    }
}
