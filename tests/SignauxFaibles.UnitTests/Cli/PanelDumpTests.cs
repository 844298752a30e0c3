using SignauxFaibles.Cli;
using SignauxFaibles.Cli.Panel;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.GroundTruth;
using SignauxFaibles.UnitTests.Indicators;

namespace SignauxFaibles.UnitTests.Cli;

/// <summary>
/// sf panel dump's rows: the series the feature service stores, decoded by the dump and written by
/// the offline build's writer, give the very files <c>sf panel build</c> writes.
/// </summary>
public sealed class PanelDumpTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sf-dump-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_series_the_service_stores_dump_to_the_files_the_offline_build_writes()
    {
        var dataset = Path.Combine(_folder, "dataset");
        SyntheticDataset.Generate(new SynthesisOptions { Companies = 60, From = Month.Of(2019, 1), To = Month.Of(2020, 12), Seed = 5 }, dataset);
        var settings = new PanelSettings { From = new YearMonth(2019, 1), To = new YearMonth(2020, 12) };
        var offline = Path.Combine(_folder, "offline");
        var built = await OfflinePanelBuilder.BuildAsync(new DirectoryInfo(dataset), offline, settings, TextWriter.Null, CancellationToken.None);

        // What the feature service stores for the same facts: PanelDiff's series, as a first computation writes them.
        using var spill = new FactSpill(1);
        await new SourceDirectoryReader(ParseCommand.Catalog, TextWriter.Null)
            .ReadAsync(new DirectoryInfo(dataset), spill.Add, CancellationToken.None, Manifest.DeliveryDates(dataset));
        spill.Complete();
        var stored = PanelDiff.Compute(new PanelCalculator(settings with { To = built.To }), spill.Read(0).Select(c => c.Decode()), new(), new Dictionary<string, long>()).Upserts;

        var dumped = Path.Combine(_folder, "dumped");
        var random = new Random(3);
        await using (var files = await PanelFiles.CreateAsync(dumped, PanelSchema.Company, CancellationToken.None))
        {
            // Companies in SIREN order as the reader yields them; a company's series in whatever order the database returns them.
            foreach (var company in stored.GroupBy(s => s.Siren).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var series = company.Select(s => (s.Siret, s.Months)).ToArray();
                random.Shuffle(series);
                await files.WriteAsync(StoredPanelRows.ToPanel(Siren.Parse(company.Key), series), CancellationToken.None);
            }
        }

        Assert.True(built.EstablishmentRows > 1_000, "the dataset must have establishments");
        Assert.Equal(await File.ReadAllBytesAsync(offline + ".csv"), await File.ReadAllBytesAsync(dumped + ".csv"));
        Assert.Equal(await File.ReadAllBytesAsync(offline + "_etablissements.csv"), await File.ReadAllBytesAsync(dumped + "_etablissements.csv"));
    }

    [Fact]
    public void Company_rows_come_first_then_each_establishment_in_siret_order_within_the_months_asked()
    {
        var panel = new PanelScenario()
            .Declaration(new YearMonth(2019, 1), new YearMonth(2019, 1), 100)
            .EstablishmentHeadcount(PanelScenario.Branch, new YearMonth(2019, 3), 4)
            .EstablishmentHeadcount(PanelScenario.HeadOffice, new YearMonth(2019, 3), 7)
            .Compute();
        var series = panel.EstablishmentRows.GroupBy(r => r.Siret!.Value.Value)
            .Select(g => (Siret: g.Key, Months: PanelSeriesCodec.Encode([.. g], PanelSchema.Establishment)))
            .Append((Siret: "", Months: PanelSeriesCodec.Encode(panel.CompanyRows, PanelSchema.Company)))
            .Reverse();

        var dumped = StoredPanelRows.ToPanel(PanelScenario.Company, series, new YearMonth(2020, 2), new YearMonth(2020, 4));

        Assert.Equal(["2020-02", "2020-03", "2020-04"], dumped.CompanyRows.Select(r => r.Month.ToString()));
        Assert.All(dumped.CompanyRows, r => Assert.Null(r.Siret));
        Assert.Equal(
            [.. new[] { PanelScenario.HeadOffice, PanelScenario.Branch }.Order().SelectMany(s => new[] { $"{s} 2020-02", $"{s} 2020-03", $"{s} 2020-04" })],
            dumped.EstablishmentRows.Select(r => $"{r.Siret} {r.Month}"));
        var expected = panel.EstablishmentRows.Single(r => r.Siret == PanelScenario.Branch && r.Month == new YearMonth(2020, 3));
        Assert.True(expected.SameContentAs(dumped.EstablishmentRows.Single(r => r.Siret == PanelScenario.Branch && r.Month == new YearMonth(2020, 3))));
    }
}
