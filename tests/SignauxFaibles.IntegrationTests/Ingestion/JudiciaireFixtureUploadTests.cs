using System.Net;
using System.Net.Http.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Judiciaire.Data;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// Every Altares, paydex and Ellisphère fixture through Ingestion.Judiciaire (see
/// <see cref="FixtureUploadTests{TService, TDbContext}"/>), and a paydex increment whose trailer
/// does not count its lines: the batch fails and nothing of it reaches the broker.
/// </summary>
public sealed class JudiciaireFixtureUploadTests(JudiciaireIngestionFixture fixture)
    : FixtureUploadTests<IngestionJudiciaireService, IngestionDbContext>(fixture, Catalog), IClassFixture<JudiciaireIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(JudiciaireFileKinds.All);

    public static TheoryData<string> Files() => FilesOf(Catalog);

    [Fact]
    public void Every_kind_has_a_fixture() =>
        Assert.Equal(["altares", "ellisphere", "paydex"], Files().Cast<object[]>().Select(row => Catalog.Recognise((string)row[0])!.Name).Distinct().Order());

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        Upload_completes_reaches_consumers_and_is_not_published_twice(relativePath);

    [Fact]
    public async Task A_paydex_increment_whose_trailer_miscounts_fails_and_publishes_nothing()
    {
        var latin9 = EncodingDetector.Latin9;
        var text = latin9.GetString(File.ReadAllBytes(Path.Combine(FixturesRoot, "paydex", "paydexIncrementTestData.csv")))
            .Replace("total 4 ligne(s)", "total 40 ligne(s)", StringComparison.Ordinal);
        var client = fixture.Ingestion.CreateClient();

        var response = await UploadAsync(client, latin9.GetBytes(text), "paydex_202401.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal("Failed", batch.Status);
        Assert.Contains("announces 40 line(s) but the file holds 4", batch.FailureReason);
        Assert.Equal(0, batch.RecordsPublished);
        await OutboxDrainedAsync();
        await Task.Delay(500);
        Assert.Equal(0, fixture.Tally.For(batch.Id));
    }
}
