using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>The roster through the API into the directory: line-level report, re-import by e-mail, edits, complete rosters.</summary>
public sealed class RosterImportTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "roster", "roster_good_and_bad.csv");

    [Fact]
    public async Task Good_lines_are_imported_bad_ones_reported_and_a_reimport_updates_without_duplicating()
    {
        var first = await UploadAsync(await File.ReadAllBytesAsync(Fixture), "roster_good_and_bad.csv");

        Assert.Equal((14, 5, 0, 0), (first.GetProperty("read").GetInt32(), first.GetProperty("created").GetInt32(),
            first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        var rejects = first.GetProperty("rejects").EnumerateArray().ToList();
        Assert.Equal([6L, 7, 8, 10, 11, 12, 13, 14, 15], rejects.Select(r => r.GetProperty("line").GetInt64()));
        var institution = rejects[0];
        Assert.Equal(("roster_good_and_bad.csv", 2, "Institution", "Préfecture"), (institution.GetProperty("fileName").GetString(),
            institution.GetProperty("column").GetInt32(), institution.GetProperty("columnName").GetString(), institution.GetProperty("rawValue").GetString()));

        // Next month's roster: Claire now covers the Côte-d'Or only, Luc is unchanged but written in upper case, Rémi arrives.
        const string next = """
            Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits
            A;DREETS;21;Commissaire au redressement productif;Claire;Martin;claire.martin@dreets.example.fr;urssaf,dgefp,bdf,score
            A;URSSAF;Bourgogne-Franche-Comté;Chargée de recouvrement;Luc;Bernard;LUC.BERNARD@urssaf.example.fr;urssaf, score
            A;DDETS;58;Agent;Rémi;Carré;remi.carre@ddets.example.fr;score
            """;
        var second = await UploadAsync(System.Text.Encoding.UTF8.GetBytes(next), "roster-2026-12.csv");

        Assert.Equal((1, 1, 1), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        await using var db = fixture.Db();
        Assert.Equal(6, await db.Officers.CountAsync());
        var claire = await db.Officers.SingleAsync(o => o.Email == "claire.martin@dreets.example.fr");
        Assert.Equal(["21"], claire.Departements);
        // Not listed this time, but the roster was not declared complete: still active.
        Assert.True((await db.Officers.SingleAsync(o => o.Email == "paul.durand@bdf.example.fr")).Active);
    }

    [Fact]
    public async Task A_complete_roster_deactivates_the_absent_unless_lines_were_rejected()
    {
        const string team = """
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;DGFiP;R44;Alice;Mercier;alice.mercier@dgfip.example.fr;score
            A;DGFiP;R44;Bruno;Fabre;bruno.fabre@dgfip.example.fr;score
            """;
        await UploadAsync(System.Text.Encoding.UTF8.GetBytes(team), "grand-est.csv");

        const string withTypo = """
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;DGFiP;R44;Alice;Mercier;alice.mercier@dgfip.example.fr;score
            A;DGFiP;R44;Bruno;Fabre;bruno.fabre@dgfip;score
            """;
        var refusedToDeactivate = await UploadAsync(System.Text.Encoding.UTF8.GetBytes(withTypo), "grand-est-2.csv", complete: true);
        Assert.Equal(0, refusedToDeactivate.GetProperty("deactivated").GetInt32());
        Assert.Contains("nobody was deactivated", refusedToDeactivate.GetProperty("note").GetString(), StringComparison.Ordinal);

        const string aliceAlone = """
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;DGFiP;R44;Alice;Mercier;alice.mercier@dgfip.example.fr;score
            """;
        var complete = await UploadAsync(System.Text.Encoding.UTF8.GetBytes(aliceAlone), "grand-est-3.csv", complete: true);

        Assert.True(complete.GetProperty("deactivated").GetInt32() >= 1);
        await using var db = fixture.Db();
        Assert.False((await db.Officers.SingleAsync(o => o.Email == "bruno.fabre@dgfip.example.fr")).Active);
        Assert.True((await db.Officers.SingleAsync(o => o.Email == "alice.mercier@dgfip.example.fr")).Active);
    }

    [Fact]
    public async Task The_directory_is_listed_and_edited_with_the_roster_rules()
    {
        const string one = """
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;Banque de France;2A;Lucie;Santoni;lucie.santoni@bdf.example.fr;bdf
            """;
        await UploadAsync(System.Text.Encoding.UTF8.GetBytes(one), "corse.csv");
        var listed = await fixture.Http.GetFromJsonAsync<JsonElement[]>("/api/officers?institution=BDF&departement=2A");
        var lucie = Assert.Single(listed!, o => o.GetProperty("email").GetString() == "lucie.santoni@bdf.example.fr");
        var id = lucie.GetProperty("id").GetGuid();

        var granted = await fixture.Http.PatchAsJsonAsync($"/api/officers/{id}", new { rights = new[] { "bdf", "score" }, geographicAccess = "Corse", mailPreference = "AllAtOnce" });
        var contradictory = await fixture.Http.PatchAsJsonAsync($"/api/officers/{id}", new { accessLevel = "B" });
        var badSectors = await fixture.Http.PutAsJsonAsync($"/api/officers/{id}/subscription", new { levels = new[] { "High" }, sectors = new[] { "ZZ" } });
        var subscribed = await fixture.Http.PutAsJsonAsync($"/api/officers/{id}/subscription",
            new { levels = new[] { "High" }, worsening = true, improving = false, leavingLists = false, sectors = new[] { "C" }, sizeCategories = Array.Empty<string>() });

        granted.EnsureSuccessStatusCode();
        var edited = await granted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["bdf", "score"], edited.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["94"], edited.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("AllAtOnce", edited.GetProperty("mailPreference").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, contradictory.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSectors.StatusCode);
        subscribed.EnsureSuccessStatusCode();
        await using var db = fixture.Db();
        var stored = await db.Officers.SingleAsync(o => o.Id == id);
        Assert.Equal(["High"], stored.Subscription.Levels.Select(l => l.ToString()));
        Assert.Equal(["C"], stored.Subscription.Sectors);
        Assert.False(stored.Subscription.Improving);
        Assert.Equal("A", stored.AccessLevel);
    }

    [Fact]
    public async Task A_file_that_is_no_roster_is_refused_as_a_whole()
    {
        using var content = new ByteArrayContent("siren;nom\n552100554;Fonderie\n"u8.ToArray());
        var response = await fixture.Http.PostAsync("/api/officers/roster?fileName=companies.csv", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Accès géographique", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> UploadAsync(byte[] file, string fileName, bool complete = false)
    {
        using var content = new ByteArrayContent(file);
        var response = await fixture.Http.PostAsync($"/api/officers/roster?fileName={fileName}&complete={complete}", content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
