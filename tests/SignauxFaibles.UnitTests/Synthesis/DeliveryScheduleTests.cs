using SignauxFaibles.Cli.Panel;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.GroundTruth;

namespace SignauxFaibles.UnitTests.Synthesis;

/// <summary>The synthetic files' delivery days, and the panel "as known" that follows them.</summary>
public sealed class DeliveryScheduleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sf-deliveries-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("urssaf/sigfaible_cotisdues_201910.csv", "2019-11-15")]
    [InlineData("urssaf/sigfaible_debits_201910.csv", "2019-11-08")]
    [InlineData("urssaf/urssaf_admin_comptes_201912.csv", "2020-01-05")]
    [InlineData("altares/paydex_201907.csv", "2019-08-10")]
    [InlineData("altares/altares_bodacc_2018.csv", "2019-01-15")]  // a closed year: in January
    [InlineData("altares/altares_bodacc_2019.csv", "2019-11-05")]  // the running year: re-extracted after the window
    [InlineData("sirene/StockUniteLegale_utf8.csv", "2019-11-01")]  // INSEE's monthly stock
    public void Each_file_is_delivered_after_what_it_describes(string path, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DeliverySchedule.For(path, Month.Of(2019, 10)));

    [Fact]
    public async Task The_panel_as_known_takes_the_files_delivered_by_then()
    {
        var dataset = Path.Combine(_directory, "dataset");
        var manifest = SyntheticDataset.Generate(new SynthesisOptions { Companies = 40, From = Month.Of(2018, 1), To = Month.Of(2019, 10), Seed = 4 }, dataset);
        Assert.All(manifest.Files, f => Assert.NotNull(f.DeliveredOn));
        var settings = new PanelSettings { From = new YearMonth(2019, 1), To = new YearMonth(2019, 12) };

        // On 10 November October's contributions are not in: the panel stops at September.
        var early = await OfflinePanelBuilder.BuildAsync(new DirectoryInfo(dataset), Path.Combine(_directory, "early"), settings, TextWriter.Null, CancellationToken.None, new DateOnly(2019, 11, 10));
        Assert.Equal(new YearMonth(2019, 9), early.To);
        Assert.True(early.NotYetKnown > 0);
        // On 20 November everything the window holds has been delivered.
        var late = await OfflinePanelBuilder.BuildAsync(new DirectoryInfo(dataset), Path.Combine(_directory, "late"), settings, TextWriter.Null, CancellationToken.None, new DateOnly(2019, 11, 20));
        Assert.Equal(new YearMonth(2019, 10), late.To);
        Assert.Equal(0, late.NotYetKnown);
    }
}
