using System.IO.Compression;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// The files of a zip delivery: its entries that are files, without folders and without what
/// archivers add beside them (<c>__MACOSX/</c> resource forks, hidden dot files).
/// </summary>
public static class ArchiveFiles
{
    public static IReadOnlyList<ZipArchiveEntry> Of(ZipArchive archive) =>
        archive.Entries.Where(e => !e.FullName.EndsWith('/')
                                   && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
                                   && !Path.GetFileName(e.FullName).StartsWith('.')).ToList();

    /// <summary>Whether a delivered file is a zip of several files (a workbook is a zip too, and is one file).</summary>
    public static async Task<bool> HoldSeveralAsync(Stream file, CancellationToken ct)
    {
        var magic = new byte[4];
        var n = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct);
        file.Position = 0;
        if (n < 4 || magic is not [(byte)'P', (byte)'K', 3, 4]) return false;
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return archive.GetEntry("xl/workbook.xml") is null && Of(archive).Count > 1;
        }
        catch (InvalidDataException)
        {
            return false; // not readable as an archive: the parser refuses it with the reason
        }
        finally
        {
            file.Position = 0;
        }
    }
}
