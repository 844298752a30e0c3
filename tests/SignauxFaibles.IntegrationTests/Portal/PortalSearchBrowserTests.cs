using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// The company search of the portal's banner in a real browser, against the real services behind
/// the gateway: the Côte-d'Or officer types part of a company's name with typos and no accent,
/// reaches its file from the results; the Paris company (outside the zone) is not found; the
/// scoring service audits both searches with their query and count; axe finds no serious
/// accessibility violation on the results.
/// </summary>
// One browser stack at a time: each starts seven services and Chromium.
[Collection("portal-browser")]
public sealed class PortalSearchBrowserTests(ITestOutputHelper output)
{
    private const string Agent21 = "agent.21@recherche.test";
    private const string Roster = "Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits\n"
        + $"A;DREETS;21;Commissaire au redressement productif;Claire;Martin;{Agent21};urssaf,dgefp,score\n";

    [Fact]
    public async Task An_officer_finds_a_company_of_the_zone_by_part_of_its_name_with_a_typo_and_opens_its_file()
    {
        await using var stack = await PortalStack.StartAsync();
        await stack.ImportRosterAsync(Roster, officers: 1);
        await PortalData.LoadAsync(stack);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignInAsync(stack.PortalUrl, Agent21);
        await page.GetByLabel("J'ai pris connaissance de ces conditions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider mon engagement" }).ClickAsync();
        await page.WaitForURLAsync(stack.PortalUrl + "**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Liste de détection" })).ToBeVisibleAsync();

        // "Tôlerie de Bourgogne" typed from a phone call: no accent, a letter doubled, another missing.
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Rechercher une entreprise" });
        await box.FillAsync("tollerie bourgone");
        await box.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recherche d'entreprise" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 entreprise correspond");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(PortalData.InDijon);
        await Assertions.Expect(rows.First).ToContainTextAsync("Risque fort");
        await Assertions.Expect(rows.First).ToContainTextAsync("Côte-d'Or (21) — Bourgogne-Franche-Comté");
        await AssertAccessibleAsync(page);

        // The Paris company is outside the officer's zone: not found, even by its exact name.
        await box.FillAsync("Imprimerie Parisienne");
        await box.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aucune entreprise de votre zone");
        Assert.DoesNotContain(PortalData.InParis, await page.ContentAsync());

        // From the results to the company file.
        await box.FillAsync("tollerie bourgone");
        await box.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = PortalData.DijonName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{PortalData.DijonName} SIREN {PortalData.InDijon}" })).ToBeVisibleAsync();

        // The scoring service audited each search under the officer's name, with its query and count.
        var searches = await Db.QueryAsync<ScoringDbContext, List<AuditEntry>>(stack.Scoring.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Search).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(3, searches.Count);
        Assert.All(searches, s => Assert.Equal(Agent21, s.Actor));
        Assert.Equal(
            ["q=\"tollerie bourgone\" (Text): 1 result", "q=\"Imprimerie Parisienne\" (Text): 0 results", "q=\"tollerie bourgone\" (Text): 1 result"],
            searches.Select(s => s.Reason));
    }

    /// <summary>axe-core on the results as rendered: no serious or critical violation.</summary>
    private async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        foreach (var v in results.Violations) output.WriteLine($"axe recherche: {v.Impact} {v.Id} — {v.Help} ({v.Nodes.Length} nodes)");
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, $"axe on the search results: {string.Join("; ", serious)}");
    }
}
