using System.Net.Http.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.Dgefp.Data;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Every DGEFP fixture, CSV and xlsx, through Ingestion.Dgefp (see <see cref="FixtureUploads"/>).</summary>
public sealed class DgefpFixtureUploadTests(DgefpIngestionFixture fixture) : IClassFixture<DgefpIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(DgefpFileKinds.All);

    public static TheoryData<string> Files() => FixtureUploads.Recognised(Catalog);

    [Fact]
    public void Both_kinds_have_a_csv_and_an_xlsx_fixture() =>
        Assert.Equal(["ap_conso/apconso.excelsheet", "ap_conso/apconsoTestData.csv", "ap_conso/apconso_mois_mm_yyyy.csv", "ap_demande/apdemande.excelsheet", "ap_demande/apdemandeTestData.csv", "ap_demande/apdemande_codes_nouveaux.csv"],
            Files().Cast<object[]>().Select(row => ((string)row[0]).Replace('\\', '/')));

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        FixtureUploads.AssertCompletesReachesConsumersAndIsNotPublishedTwiceAsync<IngestionDgefpService, IngestionDbContext>(fixture, Catalog, relativePath);

    [Fact]
    public async Task Unknown_optional_codes_keep_the_records_and_are_listed_as_warnings_beside_the_rejects()
    {
        var client = fixture.Ingestion.CreateClient();
        var response = await FixtureUploads.UploadAsync(client, Path.Combine(FixtureUploads.FixturesRoot, "ap_demande", "apdemande_codes_nouveaux.csv"));
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        var done = await SignauxFaibles.Testing.Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), "the batch completed");

        Assert.Equal((3L, 3L, 0L, 2L), (done!.LinesRead, done.RecordsAccepted, done.LinesRejected, done.LinesWithWarnings));
        var warnings = await client.GetFromJsonAsync<List<RejectResponse>>($"/api/batches/{batch.Id}/warnings");
        Assert.Equal([(2L, (int?)11, "MOTIF_RECOURS_SE", "7"), (3, 5, "DATE_STATUT", "à valider"), (3, 12, "PERIMETRE_AP", "9"), (3, 16, "RECOURS_ANTERIEUR", "4")],
            warnings!.Select(w => (w.Line, w.Column, w.ColumnName!, w.RawValue!)));
        Assert.Empty((await client.GetFromJsonAsync<List<RejectResponse>>($"/api/batches/{batch.Id}/rejects"))!);
        Assert.StartsWith("line;column;column_name;raw_value;reason\n2;11;", await client.GetStringAsync($"/api/batches/{batch.Id}/warnings.csv"), StringComparison.Ordinal);
    }
}
