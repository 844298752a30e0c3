using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Judiciaire.Data;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// Every Altares, paydex and Ellisphère fixture through Ingestion.Judiciaire (see
/// <see cref="FixtureUploads"/>), and a paydex increment whose trailer
/// does not count its lines: the batch fails and nothing of it reaches the broker.
/// </summary>
public sealed class JudiciaireFixtureUploadTests(JudiciaireIngestionFixture fixture) : IClassFixture<JudiciaireIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(JudiciaireFileKinds.All);

    public static TheoryData<string> Files() => FixtureUploads.Recognised(Catalog);

    [Fact]
    public void Every_kind_has_a_fixture() =>
        Assert.Equal(["altares", "ellisphere", "paydex"], Files().Cast<object[]>().Select(row => Catalog.Recognise((string)row[0])!.Name).Distinct().Order());

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        FixtureUploads.AssertCompletesReachesConsumersAndIsNotPublishedTwiceAsync<IngestionJudiciaireService, IngestionDbContext>(fixture, Catalog, relativePath);

    [Fact]
    public async Task A_paydex_increment_whose_trailer_miscounts_fails_and_publishes_nothing()
    {
        var latin9 = EncodingDetector.Latin9;
        var text = latin9.GetString(File.ReadAllBytes(Path.Combine(FixtureUploads.FixturesRoot, "paydex", "paydexIncrementTestData.csv")))
            .Replace("total 4 ligne(s)", "total 40 ligne(s)", StringComparison.Ordinal);
        var client = fixture.Ingestion.CreateClient();

        var response = await FixtureUploads.UploadAsync(client, latin9.GetBytes(text), "paydex_202401.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal("Failed", batch.Status);
        Assert.Contains("announces 40 line(s) but the file holds 4", batch.FailureReason);
        Assert.Equal(0, batch.RecordsPublished);
        await FixtureUploads.OutboxDrainedAsync<IngestionJudiciaireService, IngestionDbContext>(fixture);
        await Task.Delay(500);
        Assert.Equal(0, fixture.Tally.For(batch.Id));
    }

    [Fact]
    public async Task An_xlsx_upload_with_a_bad_cell_reports_its_sheet_row_and_column_and_publishes_the_other_rows()
    {
        // The Ellisphère workbook with the first subsidiary's SIREN cut to 8 digits (row 2, column O).
        var workbook = new MemoryStream();
        await using (var original = File.OpenRead(Path.Combine(FixtureUploads.FixturesRoot, "ellisphere", "ellisphereTestData.excel"))) await original.CopyToAsync(workbook);
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/sharedStrings.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = await reader.ReadToEndAsync();
            entry.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            await writer.WriteAsync(xml.Replace(">151515151<", ">15151515<", StringComparison.Ordinal));
        }
        var client = fixture.Ingestion.CreateClient();

        var response = await FixtureUploads.UploadAsync(client, workbook.ToArray(), "ellisphere_bad_siren.xlsx");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal(("xlsx", 6L, 5L, 1L), (batch.Encoding, batch.LinesRead, batch.RecordsAccepted, batch.LinesRejected));
        var rejects = await client.GetFromJsonAsync<List<RejectResponse>>($"/api/batches/{batch.Id}/rejects");
        Assert.Equal(new RejectResponse(2, 15, "FIL SIREN 9", "15151515", "not a SIREN (9 digits)"), Assert.Single(rejects!));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(batch.Id)), n => n == 5, TimeSpan.FromSeconds(30), "5 group records at the consumer");
    }
}
