using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>A rescore whose scoring stage fails ends (the other stages stop) and records why; nothing is written.</summary>
public sealed class RescoreFailureTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task A_rescore_without_an_active_model_ends_failed_with_its_reason_and_writes_nothing()
    {
        var companies = Enumerable.Range(0, 5).Select(i => ScoringFixture.Company(TestModels.Siren(33_000_000 + i), 1, debtMonths: 1)).ToArray();
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(companies, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = fixture.Db();
            return await db.Snapshots.CountAsync();
        }, n => n == companies.Length, TimeSpan.FromSeconds(30), "the indicators to be kept while no model is active");

        var response = await fixture.Http.PostAsync("/api/scores/rescore", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rescore").GetInt64();
        var finished = await Eventually.UntilAsync(
            () => fixture.Http.GetFromJsonAsync<JsonElement>($"/api/scores/rescore/{run}"),
            r => r.GetProperty("status").GetString() is "Completed" or "Failed", TimeSpan.FromSeconds(60), $"rescore {run} to end");

        Assert.Equal("Failed", finished.GetProperty("status").GetString());
        Assert.Equal("No model version is active.", finished.GetProperty("error").GetString());
        Assert.Equal(0, finished.GetProperty("companies").GetInt32());
        await using var check = fixture.Db();
        Assert.Equal(0, await check.Scores.CountAsync());
        Assert.Equal(0, await check.Standings.CountAsync());
    }
}
