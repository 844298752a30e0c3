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
        Assert.Equal(["ap_conso/apconso.excelsheet", "ap_conso/apconsoTestData.csv", "ap_conso/apconso_mois_mm_yyyy.csv", "ap_demande/apdemande.excelsheet", "ap_demande/apdemandeTestData.csv"],
            Files().Cast<object[]>().Select(row => ((string)row[0]).Replace('\\', '/')));

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        FixtureUploads.AssertCompletesReachesConsumersAndIsNotPublishedTwiceAsync<IngestionDgefpService, IngestionDbContext>(fixture, Catalog, relativePath);
}
