using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Data;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Every URSSAF fixture through Ingestion.Urssaf (see <see cref="FixtureUploadTests{TService, TDbContext}"/>).</summary>
public sealed class UrssafFixtureUploadTests(UrssafIngestionFixture fixture)
    : FixtureUploadTests<IngestionUrssafService, IngestionDbContext>(fixture, Catalog), IClassFixture<UrssafIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(UrssafFileKinds.All);

    public static TheoryData<string> Files() => FilesOf(Catalog);

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        Upload_completes_reaches_consumers_and_is_not_published_twice(relativePath);
}
