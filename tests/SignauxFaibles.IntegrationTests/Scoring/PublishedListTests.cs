using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>
/// Dated monthly lists over the real service: a published month reads back byte for byte after a
/// later promotion rescored every company, months compare (entered, left, moved), and officers read
/// their zone only, every read and export audited.
/// </summary>
public sealed class PublishedListTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task A_published_list_reads_back_identical_after_a_later_promotion_and_months_compare()
    {
        await fixture.ActiveTestModelAsync();
        // June: companies owing 0 to 3.9 months of contributions, in two départements.
        var june = Enumerable.Range(0, 40).Select(i => ScoringFixture.Company(TestModels.Siren(33_000_000 + i), 1, debtMonths: i * 0.1, departement: i % 2 == 0 ? "21" : "75")).ToArray();
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(june, DateTimeOffset.UtcNow));
        await ScoredAsync("2024-06", june.Length);

        var published = await fixture.Http.PostAsync("/api/lists/2024-06/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var frozen = await fixture.Http.GetStringAsync("/api/lists/2024-06");
        var list = JsonDocument.Parse(frozen).RootElement;
        Assert.True(list.GetProperty("total").GetInt32() > 0, frozen);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.PostAsync("/api/lists/2024-06/publish", null)).StatusCode); // once only

        // A later version rescores June: the standings move, the published list does not.
        var before = await fixture.Http.GetStringAsync("/api/detection-list?pageSize=500");
        await fixture.ActivateAsync(await fixture.RegisterAsync(TestModels.Train(2)));
        Assert.NotEqual(before, await fixture.Http.GetStringAsync("/api/detection-list?pageSize=500"));
        Assert.Equal(frozen, await fixture.Http.GetStringAsync("/api/lists/2024-06"));

        // July: the most indebted half clears its debt, the calm half falls into debt.
        var july = june.Select((c, i) => ScoringFixture.Company(c.Siren, 2, debtMonths: i < 20 ? 3.5 : 0, month: "2024-07", departement: i % 2 == 0 ? "21" : "75")).ToArray();
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(july, DateTimeOffset.UtcNow));
        await ScoredAsync("2024-07", july.Length);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.PostAsync("/api/lists/2024-07/publish", null)).StatusCode);
        var changes = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/lists/2024-07/changes?since=2024-06");
        var entered = Sirens(changes, "entered");
        var left = Sirens(changes, "left");
        Assert.NotEmpty(entered);
        Assert.NotEmpty(left);
        Assert.All(entered, s => Assert.True(int.Parse(s[4..8]) < 20, $"{s} entered"));
        Assert.All(left, s => Assert.True(int.Parse(s[4..8]) >= 20, $"{s} left"));

        // An officer of the 21 reads the 21 only; the export is audited as such; without the score right, 403.
        using var officer = Client(TestTokens.Officer("officer-lists-21", "DREETS", ["score"], ["dep:21"]));
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/lists/2024-06");
        Assert.All(mine.GetProperty("companies").EnumerateArray(), c => Assert.Equal("21", c.GetProperty("departement").GetString()));
        var csv = await officer.GetStringAsync("/api/lists/2024-06?format=csv");
        Assert.StartsWith("siren;raison_sociale;niveau", csv, StringComparison.Ordinal);
        using var noScore = Client(TestTokens.Officer("officer-lists-urssaf", "URSSAF", ["urssaf"], ["dep:21"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await noScore.GetAsync("/api/lists/2024-06")).StatusCode);
        var audit = (await fixture.Http.GetFromJsonAsync<JsonElement[]>("/api/audit?take=1000"))!
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), Outcome: e.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("officer-lists-21", "export", "allowed"), audit);
        Assert.Contains(("officer-lists-urssaf", "right-missing", "refused"), audit);
    }

    private static List<string> Sirens(JsonElement changes, string property) =>
        changes.GetProperty(property).EnumerateArray().Select(s => s.GetString()!).ToList();

    private HttpClient Client(string token)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task ScoredAsync(string month, int companies) =>
        Eventually.UntilAsync(async () =>
        {
            await using var db = fixture.Db();
            var m = SignauxFaibles.Contracts.Identifiers.YearMonth.Parse(month);
            return await db.Standings.CountAsync(s => s.Month == m);
        }, n => n == companies, TimeSpan.FromSeconds(60), $"{companies} companies scored for {month}");
}
