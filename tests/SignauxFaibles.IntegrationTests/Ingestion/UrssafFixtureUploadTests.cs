using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Data;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Every URSSAF fixture end to end (see <see cref="FixtureUploads"/>).</summary>
public sealed class UrssafFixtureUploadTests(UrssafIngestionFixture fixture) : IClassFixture<UrssafIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(UrssafFileKinds.All);

    public static TheoryData<string> Files() => FixtureUploads.Recognised(Catalog);

    [Theory]
    [MemberData(nameof(Files))]
    public Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath) =>
        FixtureUploads.AssertCompletesReachesConsumersAndIsNotPublishedTwiceAsync<IngestionUrssafService, IngestionDbContext>(fixture, Catalog, relativePath);
}
