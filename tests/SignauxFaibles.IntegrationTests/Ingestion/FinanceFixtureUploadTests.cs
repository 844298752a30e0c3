using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Finance.Data;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Every finance fixture end to end (see <see cref="FixtureUploads"/>), and what reaches the consumer.</summary>
public sealed class FinanceFixtureUploadTests(FinanceIngestionFixture fixture) : IClassFixture<FinanceIngestionFixture>
{
    private const string DamagedDiane = "diane/dianeTestData.csv";
    private static readonly FileKindCatalog Catalog = new(FinanceFileKinds.All);

    // The damaged Diane export is refused, not ingested: it has its own test below.
    public static TheoryData<string> Files() => FixtureUploads.Recognised(Catalog, DamagedDiane);

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        FixtureUploads.AssertCompletesReachesConsumersAndIsNotPublishedTwiceAsync<IngestionFinanceService, IngestionDbContext>(fixture, Catalog, relativePath);

    [Theory]
    [InlineData("banque_de_france/bdfTestData.csv", DataSource.BanqueDeFrance, 3, 3, 0)]
    [InlineData("diane/dianeTestData.txt", DataSource.Diane, 3, 15, 0)]
    [InlineData("dgfip/dgfipTestData.csv", DataSource.Dgfip, 5, 4, 1)]
    public async Task Each_source_publishes_statements_under_its_own_name_gzipped_too(string relativePath, DataSource source, int lines, int statements, int rejects)
    {
        // Gzipped, so its content differs from the plain upload of the other test (which would make this one a duplicate).
        var gzip = new MemoryStream();
        await using (var zip = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
            await zip.WriteAsync(await File.ReadAllBytesAsync(Path.Combine(FixtureUploads.FixturesRoot, relativePath)));
        gzip.Position = 0;
        var client = fixture.Ingestion.CreateClient();
        var response = await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(Path.GetFileName(relativePath))}.gz", new StreamContent(gzip));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;

        Assert.Equal((lines, statements, rejects), ((int)batch.LinesRead, (int)batch.RecordsAccepted, (int)batch.LinesRejected));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(batch.Id)), n => n == statements, TimeSpan.FromSeconds(30),
            $"{statements} statements of {relativePath} at the consumer");
        Assert.Equal(source, fixture.Tally.SourceOf(batch.Id));
    }

    [Fact]
    public async Task A_damaged_diane_export_is_refused_whole_and_publishes_nothing()
    {
        var client = fixture.Ingestion.CreateClient();
        var response = await FixtureUploads.UploadAsync(client, Path.Combine(FixtureUploads.FixturesRoot, DamagedDiane));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal("Failed", batch.Status);
        Assert.Contains("Numéro Siren", batch.FailureReason);
        await Task.Delay(500);
        Assert.Equal(0, fixture.Tally.For(batch.Id));
    }

    [Fact]
    public async Task A_pushed_statement_is_published_at_once_under_its_kind()
    {
        var client = fixture.Ingestion.CreateClient();
        var statement = new FinancialStatement("dgfip:901210344:2024-12-31", Siren.Parse("901210344"), new DateOnly(2024, 12, 31), 12,
            new Dictionary<string, decimal?> { [FinancialItemCodes.Turnover] = 1_000_000m, [FinancialItemCodes.NetResult] = null });

        var response = await client.PostAsJsonAsync("/api/records/dgfip", new[] { statement });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal(1, batch.RecordsAccepted);
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(batch.Id)), n => n == 1, TimeSpan.FromSeconds(30), "the pushed statement at the consumer");
        Assert.Equal(DataSource.Dgfip, fixture.Tally.SourceOf(batch.Id));
    }

    [Fact]
    public async Task The_service_is_ready_and_lists_its_kinds_and_endpoints()
    {
        var client = fixture.Ingestion.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var kinds = await client.GetFromJsonAsync<JsonElement>("/api/file-kinds");
        Assert.Equal(["bdf:BanqueDeFrance", "diane:Diane", "dgfip:Dgfip"],
            kinds.EnumerateArray().Select(k => $"{k.GetProperty("name").GetString()}:{k.GetProperty("source").GetString()}"));
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/files", openApi);
        Assert.Contains("/api/records/{kind}", openApi);
    }
}
