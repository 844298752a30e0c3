using System.IO.Compression;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Spreadsheets;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// A delivered file opened for parsing: text (gzip/zip unwrapped, encoding detected, see
/// <see cref="DeliveredContent"/>) or an xlsx workbook, plain or wrapped in gzip or zip. An xlsx is
/// itself a zip archive, so it is recognised by its <c>xl/workbook.xml</c> part before any unwrapping.
/// The parser then reads either form with the same layout and column mapping.
/// </summary>
public sealed class DeliveredFile : IAsyncDisposable
{
    private readonly TextReader? _text;
    private readonly Stream? _workbook;
    private readonly Stream? _owned;

    private DeliveredFile(TextReader? text, Stream? workbook, Stream? owned, string format)
    {
        _text = text;
        _workbook = workbook;
        _owned = owned;
        Format = format;
    }

    /// <summary>The text encoding's web name (utf-8, iso-8859-15…), or <c>xlsx</c>.</summary>
    public string Format { get; }

    public bool IsWorkbook => _workbook is not null;

    /// <param name="file">A seekable stream over the file as delivered (left open).</param>
    public static async Task<DeliveredFile> OpenAsync(Stream file, CancellationToken ct)
    {
        var magic = new byte[4];
        var n = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct);
        file.Position = 0;
        if (n == 4 && IsZip(magic)) return await FromZipAsync(file, owned: null, ct);
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b && await GzipHoldsZipAsync(file, ct))
        {
            var inflated = TemporaryFile();
            try
            {
                await using (var gzip = new BoundedDecompressionStream(new GzipMembersStream(file), file, DecompressionLimits.Default))
                    await gzip.CopyToAsync(inflated, ct);
            }
            catch (FileRefusedException)
            {
                await inflated.DisposeAsync();
                throw;
            }
            catch (InvalidDataException ex)
            {
                await inflated.DisposeAsync();
                throw new FileRefusedException("The compressed file is corrupt or truncated: " + ex.Message, ex);
            }
            inflated.Position = 0;
            return await FromZipAsync(inflated, inflated, ct);
        }
        return await TextAsync(file, owned: null, ct);
    }

    /// <summary>The file's lines (or rows) through the kind's parser.</summary>
    public IAsyncEnumerable<ParsedLine> ParseAsync(IRecordParser parser, string fileName, CancellationToken ct)
    {
        if (_text is not null) return parser.ParseAsync(_text, fileName, ct);
        if (parser is not IWorkbookRecordParser workbookParser)
        {
            throw new FileRefusedException($"{fileName}: this kind of file is not read from a workbook (xlsx); deliver it as text.");
        }
        return workbookParser.ParseRowsAsync(WorkbookRows.Read(_workbook!, fileName, ct), fileName, ct);
    }

    public async ValueTask DisposeAsync()
    {
        _text?.Dispose();
        if (_owned is not null) await _owned.DisposeAsync();
    }

    private static async Task<DeliveredFile> FromZipAsync(Stream zip, Stream? owned, CancellationToken ct)
    {
        ZipArchiveEntry[] entries;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.GetEntry("xl/workbook.xml") is not null)
            {
                zip.Position = 0;
                return new DeliveredFile(null, zip, owned, "xlsx");
            }
            entries = [.. ArchiveFiles.Of(archive)];
            // A zip wrapping one workbook: take the workbook out (ExcelDataReader needs to seek).
            if (owned is null && entries.Length == 1 && entries[0].FullName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                var inner = TemporaryFile();
                await using (var entry = entries[0].Open()) await entry.CopyToAsync(inner, ct);
                inner.Position = 0;
                zip.Position = 0;
                return await FromZipAsync(inner, inner, ct);
            }
        }
        catch (InvalidDataException)
        {
            // Not a readable archive: the text path refuses it with the usual message.
        }
        zip.Position = 0;
        return await TextAsync(zip, owned, ct);
    }

    private static async Task<DeliveredFile> TextAsync(Stream file, Stream? owned, CancellationToken ct)
    {
        var (reader, encoding) = await DeliveredContent.OpenTextAsync(file, ct);
        return new DeliveredFile(reader, null, owned, encoding.WebName);
    }

    private static async Task<bool> GzipHoldsZipAsync(Stream file, CancellationToken ct)
    {
        var magic = new byte[4];
        try
        {
            await using var gzip = new GzipMembersStream(file);
            return await gzip.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct) == 4 && IsZip(magic);
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            file.Position = 0;
        }
    }

    private static bool IsZip(byte[] magic) => magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;

    private static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"sf-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
}
