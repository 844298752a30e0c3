using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SignauxFaibles.Contracts.FollowUp;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>
/// The one zone rule in the scoring service, over the real broker and database: a company whose
/// head office is in Paris but which runs a plant in Côte-d'Or is on the Côte-d'Or officer's list,
/// with its score and explanation, for as long as the plant is open; a followed company's scores
/// are open to the officer who follows it.
/// </summary>
public sealed class ZoneRuleTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string Officer21 = TestTokens.Officer("officer-21-zone", "DREETS", ["score"], ["dep:21"]);

    public async Task InitializeAsync() => await fixture.ActiveTestModelAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_officer_of_a_secondary_establishment_sees_the_company_with_its_score_until_the_plant_closes()
    {
        var company = TestModels.Siren(32_000_001);
        // Scored with its head office label (Paris) before Sirene tells where its establishments are.
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated([ScoringFixture.Company(company, 1, 3.0, departement: "75")], DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Scores.Any(s => s.Siren == company)), s => s, Timeout, "the company scored");
        using var officer = Client(Officer21);
        Assert.DoesNotContain(company.Value, await ListAsync(officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/companies/{company.Value}/scores")).StatusCode);

        // Sirene: head office in Paris, a plant in Dijon.
        var (headOffice, plant) = (Establishment(company, "75", "11", headOffice: true), Establishment(company, "21", "27", headOffice: false));
        await fixture.Bus.Publish(new EstablishmentRegistered(Provenance(), [Registration(headOffice, "75", "11", true, true), Registration(plant, "21", "27", false, true)]));
        await Eventually.UntilAsync(() => ListAsync(officer), l => l.Contains(company.Value), Timeout, "the company on the Côte-d'Or list");
        using var scores = await officer.GetAsync($"/api/companies/{company.Value}/scores");
        Assert.Equal(HttpStatusCode.OK, scores.StatusCode);
        var latest = (await scores.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history")[0];
        Assert.NotEmpty(latest.GetProperty("themes").EnumerateArray());
        Assert.NotEmpty(latest.GetProperty("topFeatures").EnumerateArray());
        // The list's place filter follows the same rule (ops asking for Côte-d'Or's companies).
        Assert.Contains(company.Value, await ListAsync(fixture.Http, "&departement=21"));

        // The plant closes: it stops placing the company, which leaves the Côte-d'Or list.
        await fixture.Bus.Publish(new EstablishmentChanged(Provenance(), [Registration(plant, "21", "27", false, false)]));
        await Eventually.UntilAsync(() => ListAsync(officer), l => !l.Contains(company.Value), Timeout, "the company off the Côte-d'Or list");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/companies/{company.Value}/scores")).StatusCode);
    }

    [Fact]
    public async Task A_followed_company_off_the_lists_shows_its_scores_to_the_officer_who_follows_it_only_while_followed()
    {
        var calm = TestModels.Siren(32_000_002);
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated([ScoringFixture.Company(calm, 1, 0.0, departement: "21")], DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Scores.Any(s => s.Siren == calm)), s => s, Timeout, "the company scored");
        using var officer = Client(Officer21);
        var path = $"/api/companies/{calm.Value}/scores";
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(path)).StatusCode);

        // The feature service announces the follow: the scores open to that officer, not to a colleague.
        await fixture.Bus.Publish(new CompanyFollowingChanged("officer-21-zone", calm, true, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await officer.GetAsync(path)).StatusCode, s => s == HttpStatusCode.OK, Timeout, "the followed company's scores");
        using var colleague = Client(TestTokens.Officer("officer-21-other", "DREETS", ["score"], ["dep:21"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync(path)).StatusCode);

        // Unfollowed: closed again.
        await fixture.Bus.Publish(new CompanyFollowingChanged("officer-21-zone", calm, false, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await officer.GetAsync(path)).StatusCode, s => s == HttpStatusCode.Forbidden, Timeout, "the scores closed again");
    }

    private static async Task<List<string>> ListAsync(HttpClient client, string filters = "") =>
        (await client.GetFromJsonAsync<JsonElement>("/api/detection-list?pageSize=500" + filters))
            .GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("siren").GetString()!).ToList();

    private static Siret Establishment(Siren siren, string departement, string region, bool headOffice)
    {
        // A valid NIC per place: the first whose Luhn check passes.
        for (var nic = headOffice ? 10 : 50; nic < 10_000; nic++)
            if (Siret.TryParse(siren.Value + nic.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), out var siret)) return siret;
        throw new InvalidOperationException($"no NIC for {siren} in {departement}/{region}");
    }

    private static EstablishmentRegistration Registration(Siret siret, string departement, string region, bool headOffice, bool open) =>
        new(siret.Value, siret, headOffice, null, "25.62B", "NAFRev2", "12", null, null, null, null, null, null, departement, region, open,
            open ? null : DateOnly.FromDateTime(DateTime.UtcNow), null, null);

    private static RecordProvenance Provenance() => new(DataSource.Insee, Guid.NewGuid(), 1, "StockEtablissement.csv");

    private HttpClient Client(string token)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
