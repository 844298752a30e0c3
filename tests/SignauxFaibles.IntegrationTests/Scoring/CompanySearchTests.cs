using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.FollowUp;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Zones;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>
/// The officers' company search over the real broker and database (pg_trgm): two bakeries named
/// alike, one in Dijon and one in Paris, told by Sirene events. The Côte-d'Or officer finds the
/// Dijon one by SIREN, by SIRET, by part of its name with typos in any order, by its usual name
/// and by its commune — never the Paris one, not even by its SIREN — with its level and whether
/// they follow it; an officer without the score right gets no level; every search is audited
/// with its query and the number of companies it answered.
/// </summary>
public sealed class CompanySearchTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Officer21 = "officer-21-search";
    private static readonly Siren InDijon = TestModels.Siren(34_000_001);
    private static readonly Siren InParis = TestModels.Siren(34_000_002);

    [Fact]
    public async Task The_officer_finds_the_companies_of_the_zone_by_siren_siret_or_part_of_a_name_with_typos_and_each_search_is_audited()
    {
        var (dijonSiret, parisSiret) = (Establishment(InDijon), Establishment(InParis));
        await fixture.Bus.Publish(new CompanyRegistered(Provenance("StockUniteLegale.csv"),
        [
            Company(InDijon, "BOULANGERIE DUPONT", "AU BON PAIN DORÉ"),
            Company(InParis, "Boulangerie Dupont", null),
        ]));
        await fixture.Bus.Publish(new EstablishmentRegistered(Provenance("StockEtablissement.csv"),
        [
            Registration(dijonSiret, "DIJON", "21", "27"),
            Registration(parisSiret, "PARIS 11", "75", "11"),
        ]));
        // The Dijon bakery is on the red list (its standing as the scorer leaves it).
        await using (var db = fixture.Db())
        {
            db.Standings.Add(new CompanyStanding
            {
                Siren = InDijon, Month = new YearMonth(2024, 6), Level = RiskLevel.High, Probability = 0.8, ModelVersion = "v1",
                FirstAlertMonth = new YearMonth(2024, 6), PreviousLevel = RiskLevel.None, Departement = "21", Region = "27", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        // Both indexed with their communes (names and establishments arrive by two consumers): ops see the whole country.
        await Eventually.UntilAsync(() => SearchAsync(fixture.Http, "boulangerie dupont"),
            r => Sirens(r).Contains(InDijon.Value) && Sirens(r).Contains(InParis.Value)
                && r.GetProperty("companies").EnumerateArray().All(c => c.GetProperty("communes").ValueKind == JsonValueKind.String),
            Timeout, "both bakeries indexed with their communes");
        // And placed by the zone rule's own copy of the establishments (a third consumer).
        await Eventually.UntilAsync(async () =>
            {
                await using var db = fixture.Db();
                return await db.Set<KnownEstablishment>().CountAsync(e => e.Siren == InDijon || e.Siren == InParis);
            },
            n => n == 2, Timeout, "both establishments placed");

        using var officer = Client(TestTokens.Officer(Officer21, "DREETS", ["score"], ["dep:21"]));

        // Part of the name, typos, any order, any case: only the Dijon one (the Paris homonym is outside the zone).
        // "dupomt" is as far from "dupont" as pg_trgm's default threshold (0.6) misses: the search lowers it to 0.5.
        foreach (var typed in new[] { "boulangrie dupon", "Dupon BOULANGRIE", "dupont boulangérie", "boulang", "bulangerie dupomt" })
        {
            var found = await SearchAsync(officer, typed);
            Assert.Equal([InDijon.Value], Sirens(found));
        }
        var dijon = (await SearchAsync(officer, "boulangrie dupon")).GetProperty("companies")[0];
        Assert.Equal("BOULANGERIE DUPONT", dijon.GetProperty("name").GetString());
        Assert.Equal("AU BON PAIN DORÉ", dijon.GetProperty("usualName").GetString());
        Assert.Equal("High", dijon.GetProperty("level").GetString());
        Assert.Equal(["21"], dijon.GetProperty("departements").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["27"], dijon.GetProperty("regions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("DIJON", dijon.GetProperty("communes").GetString());
        Assert.False(dijon.GetProperty("followed").GetBoolean());

        // The usual name and the commune find it too.
        Assert.Equal([InDijon.Value], Sirens(await SearchAsync(officer, "bon pain dore")));
        Assert.Equal([InDijon.Value], Sirens(await SearchAsync(officer, "boulangerie dijon")));

        // By SIREN or SIRET, however spaced; the Paris one's SIREN answers nothing to this officer, everything to ops.
        var bySiren = await SearchAsync(officer, $"{InDijon.Value[..3]} {InDijon.Value[3..6]} {InDijon.Value[6..]}");
        Assert.Equal("Siren", bySiren.GetProperty("kind").GetString());
        Assert.Equal([InDijon.Value], Sirens(bySiren));
        var bySiret = await SearchAsync(officer, $"{dijonSiret.Value[..9]} {dijonSiret.Value[9..]}");
        Assert.Equal(("Siret", dijonSiret.Value), (bySiret.GetProperty("kind").GetString(), bySiret.GetProperty("companies")[0].GetProperty("siret").GetString()));
        Assert.Empty(Sirens(await SearchAsync(officer, InParis.Value)));
        Assert.Empty(Sirens(await SearchAsync(officer, parisSiret.Value)));
        Assert.Equal([InParis.Value], Sirens(await SearchAsync(fixture.Http, InParis.Value)));
        Assert.Empty(Sirens(await SearchAsync(officer, TestModels.Siren(34_000_999).Value)));

        // Followed by the officer (the feature service announces it): the result says so.
        await fixture.Bus.Publish(new CompanyFollowingChanged(Officer21, InDijon, true, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => SearchAsync(officer, "dupont"),
            r => r.GetProperty("companies").EnumerateArray().Any(c => c.GetProperty("followed").GetBoolean()), Timeout, "the follow in the result");

        // An officer of the zone without the score right finds it, without its level.
        using var levelB = Client(TestTokens.Officer("officer-21-b-search", "DREETS", [], ["dep:21"]));
        var withoutLevel = await SearchAsync(levelB, "boulangrie dupon");
        Assert.Equal([InDijon.Value], Sirens(withoutLevel));
        Assert.Equal(JsonValueKind.Null, withoutLevel.GetProperty("companies")[0].GetProperty("level").ValueKind);
        Assert.Contains("score", withoutLevel.GetProperty("levelWithheld").GetString());

        // Too short: a problem with the reason.
        using var tooShort = await officer.GetAsync("/api/companies/search?q=" + Uri.EscapeDataString(" d' "));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 3 letters or digits", (await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Every search is in the audit log: who, the query as typed, how many companies it answered.
        await using var audit = fixture.Db();
        var searches = await audit.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == AuditActions.Search && a.Actor == Officer21)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(searches, a => a.Resource == "company-search" && a.Reason.Contains("q=\"boulangrie dupon\"") && a.Reason.EndsWith(": 1 result", StringComparison.Ordinal));
        Assert.Contains(searches, a => a.Reason.Contains($"q=\"{InParis.Value}\" (Siren): 0 results", StringComparison.Ordinal));
        Assert.DoesNotContain(searches, a => a.Reason.Contains("d'", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/companies/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Sirens(JsonElement results) =>
        results.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("siren").GetString()!).ToList();

    private static CompanyRegistration Company(Siren siren, string name, string? usualName) =>
        new(siren.Value, siren, name, null, null, "5710", "10.71C", "NAFRev2", null, new DateOnly(2010, 1, 1), true, "PME", "12", "00010", usualName);

    private static Siret Establishment(Siren siren)
    {
        for (var nic = 10; nic < 10_000; nic++)
            if (Siret.TryParse(siren.Value + nic.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), out var siret) && siret.HasValidChecksum) return siret;
        throw new InvalidOperationException($"no NIC for {siren}");
    }

    private static EstablishmentRegistration Registration(Siret siret, string commune, string departement, string region) =>
        new(siret.Value, siret, true, null, "10.71C", "NAFRev2", "12", "1", "RUE", "DE LA LIBERTE", null, commune, null, departement, region, true, null, null, null);

    private static RecordProvenance Provenance(string file) => new(DataSource.Insee, Guid.NewGuid(), 1, file);

    private HttpClient Client(string token)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
