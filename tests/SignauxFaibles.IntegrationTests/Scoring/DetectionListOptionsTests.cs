using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>
/// What the officers' portal asks of the detection list beyond the original filters: headcount and
/// turnover ranges, other sort orders, companies left out (those the officer follows), and exports audited
/// as exports.
/// </summary>
public sealed class DetectionListOptionsTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task Headcount_range_sort_exclusion_and_export_purpose_apply_within_the_zone()
    {
        var sirens = Enumerable.Range(300_000_000, 200).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(s => Siren.TryParse(s, out _)).Take(4).Select(Siren.Parse).ToArray();
        await using (var db = fixture.Db())
        {
            // Three companies on the lists in Côte-d'Or (headcounts 5, 40, 300; turnover 0.8, 6 and 90 M€) and one in Paris.
            db.Standings.AddRange(
                Standing(sirens[0], 0.90, 5, 800_000, "21"), Standing(sirens[1], 0.70, 40, 6_000_000, "21"),
                Standing(sirens[2], 0.50, 300, 90_000_000, "21"), Standing(sirens[3], 0.95, 80, 7_000_000, "75"));
            await db.SaveChangesAsync();
        }
        using var officer = fixture.Service.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Officer("officer-list-21", "DREETS", ["score", "dgfip"], ["dep:21"]));

        Assert.Equal([sirens[0], sirens[1], sirens[2]], await ListAsync(officer, ""));                       // most at risk first, zone only
        Assert.Equal([sirens[2], sirens[1], sirens[0]], await ListAsync(officer, "sort=headcount"));
        Assert.Equal([sirens[1]], await ListAsync(officer, "minHeadcount=10&maxHeadcount=250"));
        Assert.Equal([sirens[1], sirens[2]], await ListAsync(officer, "minTurnover=1000000"));
        Assert.Equal([sirens[0], sirens[1]], await ListAsync(officer, "maxTurnover=10000000"));
        Assert.Equal([sirens[0], sirens[2]], await ListAsync(officer, $"exclude={sirens[1].Value},notasiren"));

        await ListAsync(officer, "purpose=export");
        await using var audit = fixture.Db();
        var entries = await audit.Set<AuditEntry>().Where(a => a.Actor == "officer-list-21").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["view", "view", "view", "view", "view", "view", AuditActions.Export], entries);

        // Turnover may come from a tax return: without the dgfip right it is neither shown nor filtered on.
        using var scoreOnly = fixture.Service.CreateClient();
        scoreOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Officer("officer-list-21-score", "DREETS", ["score"], ["dep:21"]));
        var list = await scoreOnly.GetFromJsonAsync<JsonElement>("/api/detection-list");
        Assert.All(list.GetProperty("companies").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("turnover").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, (await scoreOnly.GetAsync("/api/detection-list?minTurnover=1000000")).StatusCode);

        // Ops read the national list too, traced under the operator's own name.
        using var operatorClient = fixture.Service.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Operator("ops.alice"));
        Assert.Equal(4, (await ListAsync(operatorClient, "")).Length);
        await using var after = fixture.Db();
        var byOps = await after.Set<AuditEntry>().Where(a => a.Actor == "ops.alice").ToListAsync();
        Assert.Equal(("view", "detection-list"), (Assert.Single(byOps).Action, byOps[0].Resource));
    }

    private static async Task<Siren[]> ListAsync(HttpClient client, string query)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/detection-list?" + query);
        return [.. list.GetProperty("companies").EnumerateArray().Select(c => Siren.Parse(c.GetProperty("siren").GetString()!))];
    }

    private static CompanyStanding Standing(Siren siren, double probability, double headcount, double turnover, string departement) => new()
    {
        Siren = siren, Month = new YearMonth(2024, 6), Level = RiskLevel.High, Probability = probability, ModelVersion = "v1",
        FirstAlertMonth = new YearMonth(2024, 6), Departement = departement, Region = departement == "21" ? "27" : "11",
        Headcount = headcount, Turnover = turnover, SizeClass = SizeClasses.Of((float)headcount), UpdatedAt = DateTimeOffset.UtcNow,
    };
}
