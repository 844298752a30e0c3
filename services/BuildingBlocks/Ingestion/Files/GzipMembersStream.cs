using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.GZip;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// The content of a gzip delivery, every member of it: exporters and <c>cat a.gz b.gz</c> write
/// several members, one after the other. Each member's CRC-32 and length are checked against its
/// trailer, so a truncated or damaged delivery is refused (InvalidDataException, as .NET's own
/// streams say it) instead of read as if complete: .NET's GZipStream returns a cut file's first
/// part without complaint, and checks no member's trailer. SharpZipLib decompresses 2–3 times more
/// slowly than .NET's native zlib; parsing, not inflating, is the cost of a delivery (ADR 0019).
/// </summary>
/// <remarks>A file cut exactly between two members reads as the first members alone: no format can tell.</remarks>
internal sealed class GzipMembersStream(Stream compressed) : ReadOnlyWrapperStream(new GZipInputStream(compressed) { IsStreamOwner = false })
{
    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Inner.Read(buffer);
        }
        // SharpZipLib's inflater reports some damaged blocks with IndexOutOfRangeException rather than its own type.
        catch (Exception ex) when (ex is SharpZipBaseException or EndOfStreamException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"The gzip file is truncated or damaged: {ex.Message}.", ex);
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // SharpZipLib inflates synchronously; the file is local (the raw store), so this does not block on a network.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }
}
