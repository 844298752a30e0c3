using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>
/// The registry keeps with each version what it was trained on, by which code, its evaluation
/// report, and the officers' verdicts on the alerts it raised.
/// </summary>
public sealed class ModelReportTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task A_version_keeps_its_report_training_fingerprint_and_code_version()
    {
        var reported = await fixture.RegisterAsync(TestModels.Train(3, TestModels.Features,
            new ModelProvenance("sha256:0123456789abcdef", "0.1.0+1cbcd61e"), "# Évaluation du modèle\n\n| model | PR AUC |\n"));
        var described = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/models/{reported}");
        Assert.Equal("sha256:0123456789abcdef", described.GetProperty("trainingFingerprint").GetString());
        Assert.Equal("0.1.0+1cbcd61e", described.GetProperty("codeVersion").GetString());
        Assert.StartsWith("# Évaluation du modèle", await fixture.Http.GetStringAsync($"/api/models/{reported}/report"), StringComparison.Ordinal);

        var bare = await fixture.RegisterAsync(TestModels.Train(4));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync($"/api/models/{bare}/report")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/models/{bare}")).GetProperty("codeVersion").ValueKind);
    }

    [Fact]
    public async Task Officers_verdicts_are_kept_with_the_version_and_month_they_judge()
    {
        var version = await fixture.ActiveTestModelAsync();
        var (useful, noise) = (TestModels.Siren(34_000_001), TestModels.Siren(34_000_002));
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated([ScoringFixture.Company(useful, 1, 3.0), ScoringFixture.Company(noise, 1, 3.2)], DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = fixture.Db();
            return await db.Standings.CountAsync(s => s.Siren == useful || s.Siren == noise);
        }, n => n == 2, TimeSpan.FromSeconds(30), "both companies scored");

        await fixture.Bus.Publish(new AlertVerdictRecorded(useful, "agent.21", "DREETS", true, "dirigeant reçu, plan CCSF", RiskLevel.High, DateTimeOffset.UtcNow));
        await fixture.Bus.Publish(new AlertVerdictRecorded(noise, "agent.21", "URSSAF", false, "dette déjà réglée", RiskLevel.High, DateTimeOffset.UtcNow));
        var summary = await Eventually.UntilAsync(() => fixture.Http.GetFromJsonAsync<JsonElement[]>("/api/verdicts")!,
            v => v!.Sum(x => x.GetProperty("verdicts").GetInt32()) == 2, TimeSpan.FromSeconds(30), "the two verdicts kept");
        var mine = Assert.Single(summary!, v => v.GetProperty("modelVersion").GetString() == version);
        Assert.Equal((1, 1, 0.5), (mine.GetProperty("useful").GetInt32(), mine.GetProperty("notUseful").GetInt32(), mine.GetProperty("usefulShare").GetDouble()));

        var csv = await fixture.Http.GetStringAsync("/api/verdicts?format=csv");
        Assert.Contains($"{useful.Value},2024-06,{version},1,High,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("agent.21", csv, StringComparison.Ordinal); // the officer and the words stay with the follow-up
    }
}
