using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.IntegrationTests.Scoring;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Lists;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// The dated monthly lists in a real browser: the lists of November and December 2020 published by
/// the scoring service (the Dijon company orange, then red), the Côte-d'Or officer opens the newest,
/// sees what changed since November, switches to November, and exports December; the scoring
/// service audits each read and the export.
/// </summary>
[Collection("portal-browser")]
public sealed class PortalListsBrowserTests(ITestOutputHelper output)
{
    private const string Agent21 = "agent.21@listes.test";
    private const string Roster = "Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits\n"
        + $"A;DREETS;21;Commissaire au redressement productif;Claire;Martin;{Agent21};urssaf,dgefp,score\n";

    [Fact]
    public async Task An_officer_switches_the_list_month_sees_what_changed_since_the_list_before_and_exports_it()
    {
        await using var stack = await PortalStack.StartAsync();
        await stack.ImportRosterAsync(Roster, officers: 1);
        await PortalData.LoadAsync(stack);
        await PublishAsync(stack, new YearMonth(2020, 11), new YearMonth(2020, 12));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignInAsync(stack.PortalUrl, Agent21);
        await page.GetByLabel("J'ai pris connaissance de ces conditions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider mon engagement" }).ClickAsync();
        await page.WaitForURLAsync(stack.PortalUrl + "**");

        await page.GetByRole(AriaRole.Link, new() { Name = "Listes publiées" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Liste de déc. 2020" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Depuis la liste de nov. 2020, dans votre zone : 0 entrée, 0 sortie, 1 changement de niveau");
        await Assertions.Expect(page.Locator("ul.changes")).ToContainTextAsync($"Risque modéré → Risque fort : {PortalData.DijonName} ({PortalData.InDijon})");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Risque fort");
        await AssertAccessibleAsync(page);

        // November: the first list, nothing to compare with; the Dijon company orange.
        await page.GetByLabel("Mois de la liste").SelectOptionAsync("2020-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Liste de nov. 2020" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Première liste publiée");
        await Assertions.Expect(rows.First).ToContainTextAsync("Risque modéré");

        // December exported: a spreadsheet of the zone's companies, written to the audit log as an export.
        await page.GetByLabel("Mois de la liste").SelectOptionAsync("2020-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter cette liste (XLSX)" }).ClickAsync());
        Assert.Equal("liste-2020-12.xlsx", download.SuggestedFilename);
        var audited = await Db.QueryAsync<ScoringDbContext, List<AuditEntry>>(stack.Scoring.Services,
            db => db.Set<AuditEntry>().Where(a => a.Actor == Agent21 && a.Reason != null && a.Reason.StartsWith("list=")).OrderBy(a => a.Id).ToListAsync());
        output.WriteLine(string.Join("\n", audited.Select(a => $"{a.Action} {a.Reason}")));
        Assert.Contains(audited, a => a.Action == AuditActions.Export && a.Reason == "list=2020-12");
        Assert.Contains(audited, a => a.Reason == "list=2020-12 since=2020-11");
    }

    /// <summary>The lists as ops publish them: a model version active, then each month frozen by the scoring service's publisher.</summary>
    private static async Task PublishAsync(PortalStack stack, params YearMonth[] months)
    {
        await using var scope = stack.Scoring.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ModelRegistry>();
        var version = await registry.RegisterAsync(TestModels.Train(1), CancellationToken.None);
        await registry.PromoteAsync(version.Version, CancellationToken.None);
        foreach (var month in months)
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ListPublisher>().PublishAsync(month, "ops@listes.test", CancellationToken.None);
            Assert.True(outcome.List is not null, $"{month} not published: {outcome.Refusal}");
        }
    }

    private async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        foreach (var v in results.Violations) output.WriteLine($"axe listes: {v.Impact} {v.Id} — {v.Help} ({v.Nodes.Length} nodes)");
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, $"axe on the published lists: {string.Join("; ", serious)}");
    }
}
