using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Urssaf;

namespace SignauxFaibles.UnitTests.Ingestion;

public class FinanceFileKindsTests
{
    // With the URSSAF kinds too: a name must not be claimed by two services' kinds.
    private static readonly FileKindCatalog Catalog = new([.. UrssafFileKinds.All, .. FinanceFileKinds.All]);

    [Theory]
    [InlineData("bdfTestData.csv", "bdf")]
    [InlineData("ratios_BDF_2023.csv.gz", "bdf")]
    [InlineData("banque_de_france_2022.txt", "bdf")]
    [InlineData("2009_2-Diane_Export_1.txt", "diane")]
    [InlineData("dianeTestData.txt", "diane")]
    [InlineData("export_diane.csv.zip", "diane")]
    [InlineData("dgfipTestData.csv", "dgfip")]
    [InlineData("liasses_2023.txt.gz", "dgfip")]
    public void Delivered_names_are_recognised(string fileName, string kind) => Assert.Equal(kind, Catalog.Recognise(fileName)?.Name);

    [Theory]
    [InlineData("diane.xlsx")]
    [InlineData("bilans.csv")]
    public void Other_names_are_not_guessed(string fileName) => Assert.Null(Catalog.Recognise(fileName));
}
