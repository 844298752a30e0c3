using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Cli.Panel;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.Ingestion;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Synthesis;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Features;

/// <summary>
/// One computation, two ways to run it: a synthetic dataset uploaded to the running services in
/// shuffled order — some files twice, gzipped, so their records reach the feature service again —
/// ends as exactly the panel <c>sf panel build</c> writes from the same files.
/// </summary>
public sealed class PanelEquivalenceTests(ITestOutputHelper output)
{
    private static readonly YearMonth From = new(2017, 1);
    private static readonly YearMonth To = new(2019, 12);

    [Fact]
    public async Task The_live_panel_equals_the_offline_build_of_the_same_files()
    {
        var folder = Directory.CreateTempSubdirectory("sf-equivalence-").FullName;
        var dataset = Path.Combine(folder, "dataset");
        SyntheticDataset.Generate(new SynthesisOptions { Companies = 200, From = Month.Of(2017, 1), To = Month.Of(2019, 12), Seed = 7 }, dataset);

        await using var env = await IntegrationEnvironment.CreateAsync();
        await using var platform = await LivePlatform.StartAsync(env, From, To);
        var uploads = platform.Plan(dataset, new Random(11));
        output.WriteLine($"{uploads.Count} uploads ({uploads.Count(u => u.Name.EndsWith(".gz", StringComparison.Ordinal))} gzipped repeats) in shuffled order");
        foreach (var upload in uploads)
        {
            var response = await upload.Service.CreateClient().PostAsync(
                $"/api/files?wait=true&fileName={Uri.EscapeDataString(upload.Name)}", new ByteArrayContent(upload.Content));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{upload.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await platform.SettledAsync();

        var offline = Path.Combine(folder, "offline");
        var built = await OfflinePanelBuilder.BuildAsync(new DirectoryInfo(dataset), offline, new PanelSettings { From = From, To = To }, TextWriter.Null, CancellationToken.None);
        var live = Path.Combine(folder, "live");
        await WriteLivePanelAsync(platform, live);
        output.WriteLine($"offline: {built.Companies} companies, {built.CompanyRows} company rows, {built.EstablishmentRows} establishment rows");

        Assert.True(built.CompanyRows > 5_000, "the dataset must be substantial");
        AssertSameLines(offline + ".csv", live + ".csv");
        AssertSameLines(offline + "_etablissements.csv", live + "_etablissements.csv");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The feature service's stored rows, written with the offline build's writer in its order.</summary>
    private static async Task WriteLivePanelAsync(LivePlatform platform, string basePath)
    {
        var rows = await Db.QueryAsync<FeaturesDbContext, List<StoredPanelMonth>>(platform.Features.Services,
            db => PanelStore.MonthsAsync(db, null, default));
        await using var files = await PanelFiles.CreateAsync(basePath, PanelSchema.Company, CancellationToken.None);
        foreach (var company in rows.GroupBy(r => r.Siren))
        {
            var siren = Siren.Parse(company.Key);
            PanelRow Row(StoredPanelMonth r, PanelSchema schema) => new(siren, r.Siret.Length == 0 ? null : Siret.Parse(r.Siret),
                YearMonth.FromIndex(r.Month), r.Values, r.Labels);
            await files.WriteAsync(new CompanyPanel(siren,
                [.. company.Where(r => r.Siret.Length == 0).Select(r => Row(r, PanelSchema.Company))],
                [.. company.Where(r => r.Siret.Length > 0).Select(r => Row(r, PanelSchema.Establishment))]), CancellationToken.None);
        }
    }

    private static void AssertSameLines(string expectedPath, string actualPath)
    {
        var expected = File.ReadAllLines(expectedPath);
        var actual = File.ReadAllLines(actualPath);
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            Assert.True(expected[i] == actual[i], $"{Path.GetFileName(expectedPath)} line {i + 1} differs:\noffline {expected[i]}\nlive    {actual[i]}");
        }
        Assert.Equal(expected.Length, actual.Length);
    }
}
