using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Cli.Panel;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.IntegrationTests.Features;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Synthesis;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.EndToEnd;

/// <summary>
/// The detection list is dated the latest month whose contributions are in, and holds the very
/// companies the offline list gives (<c>sf panel build</c> then <c>sf model score</c>) from the
/// same files with the same model: first with the last month's contributions still to come, then
/// once they arrive. The panel's bound (standing for the calendar) lies two months past the data.
/// </summary>
public sealed class ScorableMonthListTests(ITestOutputHelper output)
{
    private static readonly YearMonth From = new(2018, 1);
    private static readonly YearMonth Bound = new(2019, 12);
    private static readonly YearMonth LastMonth = new(2019, 10);

    // Wider than the default, so that some of September's companies are held in October on this small population.
    private const double HysteresisBand = 0.6;

    [Fact]
    public async Task The_list_waits_for_a_months_contributions_and_equals_the_offline_list_of_the_same_files()
    {
        var folder = Directory.CreateTempSubdirectory("sf-scorable-").FullName;
        var dataset = Path.Combine(folder, "dataset");
        SyntheticDataset.Generate(new SynthesisOptions { Companies = 300, From = Month.Of(2017, 1), To = Month.Of(2019, 10), Seed = 9 }, dataset);
        // October's contributions are declared in November: not delivered yet.
        var october = Path.Combine(dataset, "urssaf", "sigfaible_cotisdues_201910.csv");
        var late = Path.Combine(folder, Path.GetFileName(october));
        File.Move(october, late);

        await using var env = await IntegrationEnvironment.CreateAsync();
        await using var scoring = Services.Scoring(env, "scoring",
            new Dictionary<string, string?> { ["Scoring:Levels:HysteresisBand"] = HysteresisBand.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var scoringApi = scoring.CreateClient();
        // The model a fresh stack starts with (run.sh seeds it).
        await ScoringSteps.ActivateAsync(scoringApi, ModelArtifact.Pack(Path.Combine(RepositoryRoot.Find(), "deploy", "models", "synthetic-lightgbm")));
        await using var platform = await LivePlatform.StartAsync(env, From, Bound);
        foreach (var upload in platform.Plan(dataset, new Random(5)))
            await UploadAsync(upload.Service.CreateClient(), upload.Name, upload.Content);
        await SettledAsync(env, platform, scoring);

        var september = LastMonth.AddMonths(-1);
        Assert.Equal(september.ToString(), await AsOfAsync(platform));
        Assert.False(await Db.QueryAsync<ScoringDbContext, bool>(scoring.Services, db => db.Standings.AnyAsync(s => s.Month > september)),
            "a month was scored before its contributions arrived");
        await AssertSameListAsync(scoringApi, dataset, folder, september, previous: null);
        // September's list is published: October's levels are held steady against it, live and offline alike.
        Assert.Equal(HttpStatusCode.Created, (await scoringApi.PostAsync($"/api/lists/{september}/publish", null)).StatusCode);
        var published = (await scoringApi.GetFromJsonAsync<JsonElement>($"/api/lists/{september}")).GetProperty("companies").EnumerateArray()
            .ToDictionary(c => c.GetProperty("siren").GetString()!, c => c.GetProperty("level").GetString() == "High" ? AlertLevel.Red : AlertLevel.Orange);

        // November: October's contributions arrive, and the list moves to October.
        var urssaf = platform.Plan(dataset, new Random(1)).First(u => u.Name.StartsWith("sigfaible_cotisdues", StringComparison.Ordinal)).Service.CreateClient();
        await UploadAsync(urssaf, Path.GetFileName(late), await File.ReadAllBytesAsync(late));
        File.Move(late, october);
        await SettledAsync(env, platform, scoring);
        Assert.Equal(LastMonth.ToString(), await AsOfAsync(platform));
        await AssertSameListAsync(scoringApi, dataset, folder, LastMonth, published);
        Directory.Delete(folder, recursive: true);
    }

    private async Task AssertSameListAsync(HttpClient scoringApi, string dataset, string folder, YearMonth month, Dictionary<string, AlertLevel>? previous)
    {
        var live = await LiveListAsync(scoringApi);
        Assert.All(live, c => Assert.Equal(month.ToString(), c.Month));

        var panel = Path.Combine(folder, $"offline-{month}");
        var built = await OfflinePanelBuilder.BuildAsync(new DirectoryInfo(dataset), panel, new PanelSettings { From = From, To = Bound }, TextWriter.Null, CancellationToken.None);
        Assert.Equal(month, built.To);
        var model = ScoringModel.Load(Path.Combine(RepositoryRoot.Find(), "deploy", "models", "synthetic-lightgbm"));
        List<ScoredCompany> offline;
        using (var reader = new StreamReader(panel + ".csv"))
            offline = PanelMonthScorer.Score(model, PanelMonthReader.Read(reader, "offline.csv", month.ToString()), previous, HysteresisBand).ToList();
        var offlineListed = offline.Where(c => c.Level != AlertLevel.None)
            .Select(c => $"{c.Siren} {(c.Level == AlertLevel.Red ? "High" : "Moderate")}").Order(StringComparer.Ordinal).ToList();
        var held = previous is null ? 0 : offline.Count(c => c.Score is { } score && score.Level != AlertLevel.None
            && score.Probability < (score.Level == AlertLevel.Red ? model.Manifest.RedThreshold : model.Manifest.OrangeThreshold));
        output.WriteLine($"{month}: {offline.Count} companies offline, {offline.Count(c => c.Score is not null)} scored, {held} held by the hysteresis; "
            + $"{offlineListed.Count} listed offline, {live.Count} live ({live.Count(c => c.Level == "High")} red)");

        Assert.NotEmpty(offlineListed);
        if (previous is not null) Assert.True(held > 0, "no company was held by the hysteresis: the comparison would not exercise it");
        Assert.Equal(offlineListed, live.Select(c => $"{c.Siren} {c.Level}").Order(StringComparer.Ordinal).ToList());
    }

    private sealed record ListedCompany(string Siren, string Level, string Month);

    private static async Task<List<ListedCompany>> LiveListAsync(HttpClient scoringApi)
    {
        var companies = new List<ListedCompany>();
        for (var page = 1; ; page++)
        {
            var list = await scoringApi.GetFromJsonAsync<JsonElement>($"/api/detection-list?pageSize=500&page={page}");
            var rows = list.GetProperty("companies").EnumerateArray()
                .Select(c => new ListedCompany(c.GetProperty("siren").GetString()!, c.GetProperty("level").GetString()!, c.GetProperty("month").GetString()!)).ToList();
            companies.AddRange(rows);
            if (rows.Count < 500) return companies;
        }
    }

    private static async Task<string?> AsOfAsync(LivePlatform platform) =>
        (await platform.Features.CreateClient().GetFromJsonAsync<JsonElement>("/api/panel/status")).GetProperty("asOf").GetString();

    private static async Task UploadAsync(HttpClient service, string name, byte[] content)
    {
        var response = await service.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(name)}", new ByteArrayContent(content));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task SettledAsync(IntegrationEnvironment env, LivePlatform platform, ServiceFactory<SignauxFaibles.Scoring.ScoringService> scoring)
    {
        await platform.SettledAsync();
        await ScoringSteps.QuietAsync(env, scoring.Services, "scoring-company-indicators-updated");
    }
}
