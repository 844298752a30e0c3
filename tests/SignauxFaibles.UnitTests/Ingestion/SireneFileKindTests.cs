using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Urssaf;

namespace SignauxFaibles.UnitTests.Ingestion;

public class SireneFileKindTests
{
    private static readonly FileKindCatalog Catalog = new([.. UrssafFileKinds.All, .. InseeFileKinds.All]);

    [Theory]
    [InlineData("StockEtablissement_utf8.zip", "sirene-etablissement")]
    [InlineData("StockEtablissement_utf8_geo.csv.gz", "sirene-etablissement")]
    [InlineData("sireneTestData.csv", "sirene-etablissement")]
    [InlineData("StockEtablissementHistorique_utf8.zip", "sirene-historique")]
    [InlineData("StockEtablissementHistorique_sample.csv", "sirene-historique")]
    [InlineData("StockUniteLegale_utf8.zip", "sirene-ul")]
    [InlineData("sireneULTestData.csv", "sirene-ul")]
    [InlineData("sirene_ul.csv.gz", "sirene-ul")]
    public void Delivered_names_are_recognised_among_every_kind(string fileName, string kind) =>
        Assert.Equal(kind, Catalog.Recognise(fileName)?.Name);

    [Theory]
    [InlineData("StockEtablissementLiensSuccession_utf8.zip")]
    [InlineData("StockUniteLegaleHistorique_utf8.zip")]
    public void Other_insee_files_are_not_taken_for_these_kinds(string fileName) => Assert.Null(Catalog.Recognise(fileName));

    [Fact]
    public void New_records_are_registered_and_known_ones_changed()
    {
        var kind = Assert.IsAssignableFrom<IChangeTrackedKind>(InseeFileKinds.Etablissement);
        var provenance = new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "f.csv");
        Assert.IsType<EstablishmentRegistered>(kind.CreateChunk(provenance, []));
        Assert.IsType<EstablishmentChanged>(kind.CreateChangedChunk(provenance, []));
        Assert.Equal("sirene-etablissement", kind.ChangeScope);
    }
}
