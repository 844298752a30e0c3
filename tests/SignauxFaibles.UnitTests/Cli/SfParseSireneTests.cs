using System.CommandLine;
using System.IO.Compression;
using SignauxFaibles.Cli;

namespace SignauxFaibles.UnitTests.Cli;

public class SfParseSireneTests
{
    private static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    private static (int Exit, string[] Records, string[] Rejects) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SfCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_gzipped_geocoded_stock_is_recognised_by_name_and_printed_with_departements()
    {
        var (exit, records, rejects) = Run("parse", Fixture("sirene", "StockEtablissement_utf8_geo.csv.gz"));

        Assert.Equal(0, exit);
        Assert.Equal(40, records.Length);
        Assert.Empty(rejects);
        Assert.All(records, r => Assert.Contains("\"departement\":\"01\",\"region\":\"84\"", r));
    }

    [Fact]
    public void A_zipped_legal_unit_stock_as_insee_names_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sf-test-{Guid.NewGuid():N}", "StockUniteLegale_utf8.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(Fixture("sirene_ul", "sireneULTestData.csv"), "StockUniteLegale_utf8.csv");
            }
            var (exit, records, rejects) = Run("parse", path);

            Assert.Equal((0, 3, 1), (exit, records.Length, rejects.Length));
            Assert.Contains("\"name\":\"companyname\"", records[2]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("sirene-ul", "sirene_ul", "sireneULTestData.csv", 3, 1)]
    [InlineData("sirene-etablissement", "sirene", "sireneTestData.csv", 4, 1)]
    [InlineData("sirene-historique", "sirene_historique", "StockEtablissementHistorique_sample.csv", 4, 2)]
    public void Each_sirene_kind_is_available_with_source(string kind, string folder, string file, int records, int rejects)
    {
        var result = Run("parse", "--source", kind, Fixture(folder, file));

        Assert.Equal((0, records, rejects), (result.Exit, result.Records.Length, result.Rejects.Length));
        Assert.All(result.Rejects, r => Assert.Contains("\"line\":", r));
    }
}
