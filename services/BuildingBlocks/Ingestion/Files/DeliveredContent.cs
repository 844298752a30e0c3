using System.IO.Compression;
using System.Text;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// Opens a delivered file as text: unwraps gzip and zip (by their magic bytes, not their name),
/// then detects the encoding from the first 64 KiB.
/// </summary>
public static class DeliveredContent
{
    private const int SampleSize = 64 * 1024;

    public static async Task<(TextReader Reader, Encoding Encoding)> OpenTextAsync(Stream file, CancellationToken ct)
    {
        var content = await UnwrapAsync(file, ct);
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
        var (encoding, bom) = EncodingDetector.Detect(sample.AsSpan(0, read));
        var stream = new PrefixedStream(sample.AsMemory(bom, read - bom), content);
        return (new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16), encoding);
    }

    private static async Task<Stream> UnwrapAsync(Stream file, CancellationToken ct)
    {
        var magic = new byte[4];
        var n = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct);
        file.Position = 0;
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return new GZipStream(file, CompressionMode.Decompress);
        if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) return OpenSingleZipEntry(file);
        return file;
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
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (entries.Count != 1)
        {
            throw new FileRefusedException($"A zip archive must hold exactly one file; this one holds {entries.Count}.");
        }
        return entries[0].Open();
    }
}
