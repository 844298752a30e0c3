using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>Online scoring over the real broker and database: level changes, redeliveries, stale updates, explanations, the detection list.</summary>
public sealed class OnlineScoringTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private string _version = "";

    public async Task InitializeAsync() => _version = await fixture.ActiveTestModelAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task PublishAsync(Guid? messageId, params CompanyIndicators[] companies) =>
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(companies, DateTimeOffset.UtcNow), c =>
        {
            if (messageId is { } id) c.MessageId = id;
        });

    private Task<List<RiskScored>> ScoresOfAsync(Siren siren, int count) =>
        Eventually.UntilAsync(() => Task.FromResult(fixture.Scores.Where(s => s.Siren == siren).ToList()), s => s.Count >= count, Timeout, $"{count} scores of {siren}");

    private List<RiskLevelChanged> ChangesOf(Siren siren) => fixture.LevelChanges.Where(c => c.Siren == siren).ToList();

    [Fact]
    public async Task A_level_change_publishes_one_RiskLevelChanged_an_unchanged_level_or_a_redelivery_none()
    {
        var siren = TestModels.Siren(31_000_001);
        await PublishAsync(null, ScoringFixture.Company(siren, 1, debtMonths: 0.1));
        Assert.Equal(RiskLevel.None, (await ScoresOfAsync(siren, 1))[^1].Level);

        await PublishAsync(null, ScoringFixture.Company(siren, 2, debtMonths: 3.0));
        Assert.Equal(RiskLevel.High, (await ScoresOfAsync(siren, 2))[^1].Level);
        var up = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(ChangesOf(siren)), c => c.Count >= 1, Timeout, "the level change"));
        Assert.Equal((RiskLevel.None, RiskLevel.High, _version), (up.PreviousLevel, up.Level, up.ModelVersion));
        Assert.Contains(up.TopFeatures, f => f.Feature == "ratio_dette" && f.Explanation.StartsWith("Dette URSSAF = 3,0 mois de cotisations", StringComparison.Ordinal));

        // Still red with a little more debt: scored again, no level change; the same message twice: scored once.
        var redelivered = Guid.NewGuid();
        await PublishAsync(redelivered, ScoringFixture.Company(siren, 3, debtMonths: 3.2));
        await PublishAsync(redelivered, ScoringFixture.Company(siren, 3, debtMonths: 3.2));
        Assert.Equal(RiskLevel.High, (await ScoresOfAsync(siren, 3))[^1].Level);

        // Back to no debt: one change down.
        await PublishAsync(null, ScoringFixture.Company(siren, 4, debtMonths: 0.0));
        var changes = await Eventually.UntilAsync(() => Task.FromResult(ChangesOf(siren)), c => c.Count >= 2, Timeout, "the change down");
        Assert.Equal(2, changes.Count);
        Assert.Equal((RiskLevel.High, RiskLevel.None), (changes[1].PreviousLevel, changes[1].Level));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(4, fixture.Scores.Count(s => s.Siren == siren));
        Assert.Equal(2, ChangesOf(siren).Count);
    }

    [Fact]
    public async Task An_older_revision_arriving_late_changes_nothing()
    {
        var siren = TestModels.Siren(31_000_002);
        await PublishAsync(null, ScoringFixture.Company(siren, 7, debtMonths: 3.0));
        await ScoresOfAsync(siren, 1);
        await PublishAsync(null, ScoringFixture.Company(siren, 6, debtMonths: 0.0));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(fixture.Scores, s => s.Siren == siren);
        var file = await fixture.CompanyScoresAsync(siren);
        Assert.Equal("High", file.GetProperty("current").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Each_score_carries_its_version_and_an_explanation_whose_themes_and_baseline_add_up_to_the_margin()
    {
        var siren = TestModels.Siren(31_000_003);
        await PublishAsync(null, ScoringFixture.Company(siren, 1, debtMonths: 2.5));
        await ScoresOfAsync(siren, 1);
        var latest = (await fixture.CompanyScoresAsync(siren)).GetProperty("history")[0];
        Assert.Equal(_version, latest.GetProperty("modelVersion").GetString());
        var themes = latest.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("theme").GetString()!, t => t.GetProperty("contribution").GetDouble());
        Assert.Equal(6, themes.Count);
        Assert.Equal(latest.GetProperty("margin").GetDouble(), latest.GetProperty("baseline").GetDouble() + themes.Values.Sum(), 4);
        Assert.Equal("Dette sociale (URSSAF)", themes.MaxBy(t => t.Value).Key);
    }

    [Fact]
    public async Task The_detection_list_filters_by_departement_and_level()
    {
        var (dijon, paris, calm) = (TestModels.Siren(31_000_011), TestModels.Siren(31_000_012), TestModels.Siren(31_000_013));
        await PublishAsync(null,
            ScoringFixture.Company(dijon, 1, 3.0, departement: "21"),
            ScoringFixture.Company(paris, 1, 3.0, departement: "75"),
            ScoringFixture.Company(calm, 1, 0.0, departement: "21"));
        foreach (var siren in new[] { dijon, paris, calm }) await ScoresOfAsync(siren, 1);

        var list = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/detection-list?departement=21&level=High&pageSize=500");
        var sirens = list.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("siren").GetString()).ToList();
        Assert.Contains(dijon.Value, sirens);
        Assert.DoesNotContain(paris.Value, sirens);
        Assert.DoesNotContain(calm.Value, sirens);
        Assert.All(list.GetProperty("companies").EnumerateArray(), c => Assert.Equal("21", c.GetProperty("departement").GetString()));
    }

    [Fact]
    public async Task Officers_read_the_scores_of_their_zone_with_the_score_right_only_and_every_view_is_audited()
    {
        var (dijon, paris) = (TestModels.Siren(31_000_021), TestModels.Siren(31_000_022));
        await PublishAsync(null, ScoringFixture.Company(dijon, 1, 3.0, departement: "21"), ScoringFixture.Company(paris, 1, 3.0, departement: "75"));
        await ScoresOfAsync(dijon, 1);
        await ScoresOfAsync(paris, 1);

        using var officer21 = Client(TestTokens.Officer("officer-21", "DREETS", ["urssaf", "score"], ["dep:21"]));
        using var withoutScore = Client(TestTokens.Officer("officer-21-urssaf", "URSSAF", ["urssaf"], ["dep:21"]));
        Assert.Equal(HttpStatusCode.OK, (await officer21.GetAsync($"/api/companies/{dijon.Value}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer21.GetAsync($"/api/companies/{paris.Value}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutScore.GetAsync($"/api/companies/{dijon.Value}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer21.PostAsync("/api/models/rollback", null)).StatusCode);

        var list = await officer21.GetFromJsonAsync<JsonElement>("/api/detection-list?pageSize=500");
        var departements = list.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("departement").GetString()).Distinct().ToList();
        Assert.Equal(["21"], departements);

        var audit = await fixture.Http.GetFromJsonAsync<JsonElement[]>("/api/audit?take=1000");
        var entries = audit!.Select(e => (Actor: e.GetProperty("actor").GetString(), Resource: e.GetProperty("resource").GetString(), Outcome: e.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("officer-21", $"company:{dijon.Value}:scores", "allowed"), entries);
        Assert.Contains(("officer-21", $"company:{paris.Value}:scores", "refused"), entries);
        Assert.Contains(("officer-21-urssaf", $"company:{dijon.Value}:scores", "refused"), entries);
        Assert.Contains(entries, e => e is { Actor: "officer-21", Resource: "detection-list" });
    }

    [Fact]
    public async Task An_operator_reads_scores_and_the_national_list_under_their_own_name_and_each_read_is_audited()
    {
        var company = TestModels.Siren(31_000_025);
        await PublishAsync(null, ScoringFixture.Company(company, 1, 3.0, departement: "21"));
        await ScoresOfAsync(company, 1);

        using var operatorClaire = Client(TestTokens.Operator("ops-claire"));
        Assert.Equal(HttpStatusCode.OK, (await operatorClaire.GetAsync($"/api/companies/{company.Value}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClaire.GetAsync("/api/detection-list?pageSize=10")).StatusCode);

        var audit = await fixture.Http.GetFromJsonAsync<JsonElement[]>("/api/audit?take=1000");
        var mine = audit!.Where(e => e.GetProperty("actor").GetString() == "ops-claire")
            .Select(e => (Resource: e.GetProperty("resource").GetString(), Reason: e.GetProperty("reason").GetString())).ToList();
        Assert.Contains(mine, e => e.Resource == $"company:{company.Value}:scores" && e.Reason!.Contains("(ops)"));
        Assert.Contains(mine, e => e.Resource == "detection-list" && e.Reason!.StartsWith("(ops)"));
    }

    [Fact]
    public async Task An_officer_without_the_urssaf_right_reads_explanations_without_urssaf_values()
    {
        var indebted = TestModels.Siren(31_000_031);
        await PublishAsync(null, ScoringFixture.Company(indebted, 1, 3.0, departement: "21"));
        await ScoresOfAsync(indebted, 1);

        using var scoreOnly = Client(TestTokens.Officer("officer-21-score", "DREETS", ["score"], ["dep:21"]));
        using var withUrssaf = Client(TestTokens.Officer("officer-21-full", "DREETS", ["urssaf", "score"], ["dep:21"]));
        var withheld = TopFeatures(await scoreOnly.GetFromJsonAsync<JsonElement>($"/api/companies/{indebted.Value}/scores"));
        var shown = TopFeatures(await withUrssaf.GetFromJsonAsync<JsonElement>($"/api/companies/{indebted.Value}/scores"));

        // The debt drives this company's risk: both see it named, only the holder of the right sees the figure.
        var debt = Assert.Single(withheld, f => f.Feature == "ratio_dette");
        Assert.Null(debt.Value);
        Assert.DoesNotMatch("[0-9]", debt.Explanation);
        Assert.Contains("donnée URSSAF réservée", debt.Explanation, StringComparison.Ordinal);
        Assert.All(withheld.Where(f => f.Feature is "ratio_dette" or "cotisation" or "montant_part_patronale"), f => Assert.Null(f.Value));
        var full = Assert.Single(shown, f => f.Feature == "ratio_dette");
        Assert.NotNull(full.Value);
        Assert.Contains("mois de cotisations", full.Explanation, StringComparison.Ordinal);
        // On the probability scale the themes add up from the baseline company's probability to the company's.
        var latest = (await withUrssaf.GetFromJsonAsync<JsonElement>($"/api/companies/{indebted.Value}/scores")).GetProperty("history")[0];
        var points = latest.GetProperty("themes").EnumerateArray().Sum(t => t.GetProperty("probabilityPoints").GetDouble());
        Assert.Equal(latest.GetProperty("probability").GetDouble() - latest.GetProperty("baselineProbability").GetDouble(), points, 6);
        Assert.True(latest.GetProperty("baselineProbability").GetDouble() is > 0 and < 1);
        // What needs no right (headcount, turnover, payment delays) reads the same for both.
        Assert.Equal(shown.Where(f => f.Feature != "ratio_dette"), withheld.Where(f => f.Feature != "ratio_dette"));
    }

    private static List<(string Feature, double? Value, string Explanation)> TopFeatures(JsonElement scores) =>
        scores.GetProperty("history").EnumerateArray().SelectMany(h => h.GetProperty("topFeatures").EnumerateArray())
            .Select(f => (f.GetProperty("feature").GetString()!, f.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : f.GetProperty("value").GetDouble(),
                f.GetProperty("explanation").GetString()!))
            .ToList();

    private HttpClient Client(string token)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_is_refused_with_the_reason()
    {
        using var content = new ByteArrayContent("not a zip"u8.ToArray());
        var response = await fixture.Http.PostAsync("/api/models", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a zip", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
