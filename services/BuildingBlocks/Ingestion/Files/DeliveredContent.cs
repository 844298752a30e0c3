using System.IO.Compression;
using System.Text;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// Opens a delivered file as text: unwraps gzip (every member, each checked) and zip (by their magic bytes, not their name),
/// bounded by <see cref="DecompressionLimits"/>, then detects the encoding: a byte-order mark or
/// UTF-16 from the first 64 KiB, otherwise over the whole file (UTF-8, Windows-1252, ISO-8859-15 or
/// -1; refused when two of them are supported by different lines).
/// </summary>
public static class DeliveredContent
{
    private const int SampleSize = 64 * 1024;

    public static async Task<(TextReader Reader, Encoding Encoding)> OpenTextAsync(Stream file, CancellationToken ct, DecompressionLimits? limits = null)
    {
        limits ??= DecompressionLimits.Default;
        var content = await UnwrapAsync(file, limits, ct);
        var sample = new byte[SampleSize];
        var read = 0;
        try
        {
            while (read < sample.Length && await content.ReadAsync(sample.AsMemory(read), ct) is var n and > 0) read += n;
        }
        catch (InvalidDataException ex)
        {
            throw new FileRefusedException("The compressed file is corrupt or truncated: " + ex.Message, ex);
        }
        // Errors past the sample (truncation found at the end) surface as InvalidDataException while parsing.
        var (encoding, bom) = EncodingDetector.Detect(sample.AsSpan(0, read));
        if (bom == 0 && encoding is not UnicodeEncoding && file.CanSeek)
        {
            // 64 KiB are not enough: a Windows-1252 quote or a Latin-9 œ may come on line 40,000.
            encoding = await ReadWholeAsync(content, sample.AsMemory(0, read), ct);
            if (!ReferenceEquals(content, file)) await content.DisposeAsync();
            file.Position = 0;
            content = await UnwrapAsync(file, limits, ct);
            return (new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16), encoding);
        }
        var stream = new PrefixedStream(sample.AsMemory(bom, read - bom), content);
        return (new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16), encoding);
    }

    /// <summary>The encoding the whole content supports (a second pass over it: the first is parsing).</summary>
    private static async Task<Encoding> ReadWholeAsync(Stream content, ReadOnlyMemory<byte> sample, CancellationToken ct)
    {
        var evidence = new EightBitEvidence();
        evidence.Add(sample.Span);
        var buffer = new byte[1 << 16];
        try
        {
            while (await content.ReadAsync(buffer, ct) is var n and > 0) evidence.Add(buffer.AsSpan(0, n));
        }
        catch (InvalidDataException ex)
        {
            throw new FileRefusedException("The compressed file is corrupt or truncated: " + ex.Message, ex);
        }
        return evidence.Decide();
    }

    /// <summary>
    /// Reads the start of a gzip delivery (up to the ratio check of <paramref name="limits"/>) and
    /// throws <see cref="FileRefusedException"/> when it is a compression bomb: an upload can be
    /// refused at once, before it is queued. Other files pass untouched.
    /// </summary>
    public static async Task ProbeAsync(Stream file, DecompressionLimits limits, CancellationToken ct)
    {
        if (!await IsGzipAsync(file, ct)) return;
        // .NET's native inflater (3–5 times faster here than the checking one): the probe only measures
        // the expansion; every member is checked when the batch is parsed.
        await using var content = new BoundedDecompressionStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), file, limits);
        var buffer = new byte[1 << 16];
        long read = 0;
        try
        {
            while (read <= limits.RatioCheckFrom && await content.ReadAsync(buffer, ct) is var n and > 0) read += n;
        }
        catch (InvalidDataException)
        {
            // A corrupt or truncated gzip is refused with its reason when the batch is parsed.
        }
        file.Position = 0;
    }

    private static async Task<bool> IsGzipAsync(Stream file, CancellationToken ct)
    {
        var magic = new byte[2];
        var n = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static async Task<Stream> UnwrapAsync(Stream file, DecompressionLimits limits, CancellationToken ct)
    {
        var magic = new byte[4];
        var n = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct);
        file.Position = 0;
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return await OpenGzipAsync(file, limits, ct);
        if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) return new BoundedDecompressionStream(OpenSingleZipEntry(file), file, limits);
        return file;
    }

    private static Task<Stream> OpenGzipAsync(Stream file, DecompressionLimits limits, CancellationToken ct)
    {
        if (file.Length < 18) throw new FileRefusedException("The gzip file is truncated: it is shorter than a gzip header and trailer.");
        return Task.FromResult<Stream>(new BoundedDecompressionStream(new GzipMembersStream(file), file, limits));
    }

    private static Stream OpenSingleZipEntry(Stream file)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new FileRefusedException("The zip archive is corrupt or truncated: " + ex.Message, ex);
        }
        var entries = ArchiveFiles.Of(archive);
        if (entries.Count != 1)
        {
            throw new FileRefusedException($"A zip archive must hold exactly one file; this one holds {entries.Count}.");
        }
        return entries[0].Open();
    }
}
