using System.IO.Compression;
using System.Runtime.CompilerServices;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Judiciaire.Ellisphere;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DeliveredFileTests
{
    private static readonly byte[] Workbook = File.ReadAllBytes(ParserTesting.Fixture("ellisphere", "ellisphereTestData.excel"));

    [Fact]
    public async Task A_workbook_is_recognised_by_its_content_plain_gzipped_or_zipped()
    {
        var plain = await new EllisphereParser().ParseDeliveredAsync(new MemoryStream(Workbook), "groupes.xlsx");
        var gzipped = await new EllisphereParser().ParseDeliveredAsync(new MemoryStream(Gzip(Workbook)), "groupes.xlsx.gz");
        var zipped = await new EllisphereParser().ParseDeliveredAsync(new MemoryStream(ZipOf("groupes.xlsx", Workbook)), "groupes.zip");

        Assert.Equal(6, plain.Count(l => l.Record is not null));
        Assert.Equal(plain.Select(l => l.Record), gzipped.Select(l => l.Record));
        Assert.Equal(plain.Select(l => l.Record), zipped.Select(l => l.Record));
        await using var delivered = await DeliveredFile.OpenAsync(new MemoryStream(Workbook), CancellationToken.None);
        Assert.True(delivered.IsWorkbook);
        Assert.Equal("xlsx", delivered.Format);
    }

    [Fact]
    public async Task A_zip_holding_a_text_file_is_still_read_as_text()
    {
        var text = "GRP Code;GRP Personne PouM;GRP SIREN 9;GRP RefID;GRP Raison Sociale;GRP Adresse;GRP Pays;Niveau de détention;% Financier;FIL Code;FIL SIREN 9;FIL RefID\n"
            + "1;M;525343432;1;G;ici;FRANCE;1;90,2;2;151515151;R\n";
        await using var delivered = await DeliveredFile.OpenAsync(new MemoryStream(ZipOf("groupes.csv", System.Text.Encoding.UTF8.GetBytes(text))), CancellationToken.None);
        Assert.False(delivered.IsWorkbook);
        var lines = new List<ParsedLine>();
        await foreach (var line in delivered.ParseAsync(new EllisphereParser(), "groupes.csv", CancellationToken.None)) lines.Add(line);
        Assert.Equal(90.2m, Assert.IsType<SignauxFaibles.Contracts.Groups.GroupOwnership>(Assert.Single(lines).Record).OwnershipPercent);
    }

    [Fact]
    public async Task A_truncated_workbook_is_refused_as_a_whole() =>
        await Assert.ThrowsAsync<FileRefusedException>(() =>
            new EllisphereParser().ParseDeliveredAsync(new MemoryStream(Workbook[..(Workbook.Length / 2)]), "groupes.xlsx"));

    [Fact]
    public async Task A_kind_that_reads_only_text_refuses_a_workbook()
    {
        await using var delivered = await DeliveredFile.OpenAsync(new MemoryStream(Workbook), CancellationToken.None);
        var ex = Assert.Throws<FileRefusedException>(() => delivered.ParseAsync(new TextOnlyParser(), "f.xlsx", CancellationToken.None));
        Assert.Contains("not read from a workbook", ex.Message);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static byte[] ZipOf(string name, byte[] bytes)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(bytes);
        }
        return output.ToArray();
    }

    private sealed class TextOnlyParser : IRecordParser
    {
        public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
