using System.IO.Compression;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SignauxFaibles.Features.Access;
using SignauxFaibles.Features.Data;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// The officers' portal in a real browser (Chromium driven by Playwright) against the real
/// identity service, gateway, feature and scoring services: sign-in, the list of one's zone, a
/// company's file, following it, exporting the list; another département's officer refused; axe
/// finds no serious accessibility violation on the list and the company file.
/// </summary>
public sealed class PortalBrowserTests(ITestOutputHelper output)
{
    private const string Agent21 = "agent.21@portail.test";
    private const string Agent75 = "agent.75@portail.test";

    [Fact]
    public async Task An_officer_sees_the_list_of_the_zone_opens_a_company_follows_it_and_exports_the_list()
    {
        await using var stack = await PortalStack.StartAsync();
        await stack.AddOfficerAsync(Agent21, "Claire Martin", ["urssaf", "dgefp", "score"], "21");
        await stack.AddOfficerAsync(Agent75, "Paul Durand", ["urssaf", "dgefp", "score"], "75");
        await PortalData.LoadAsync(stack);
        await using var browser = await Browser.LaunchAsync();

        // The list: only the Dijon company (the Paris one is on the orange list, outside the zone).
        var page = await browser.SignInAsync(stack.PortalUrl, Agent21);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Liste de détection" })).ToBeVisibleAsync();
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(PortalData.InDijon);
        await Assertions.Expect(rows.First).ToContainTextAsync("Rouge");
        Assert.DoesNotContain(PortalData.InParis, await page.ContentAsync());
        await Screenshot(page, "liste");
        await AssertAccessibleAsync(page, "liste de détection");

        // The company file: its debt chart and its explanation.
        await page.GetByRole(AriaRole.Link, new() { Name = PortalData.InDijon }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Entreprise {PortalData.InDijon}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Dette URSSAF par mois (€)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Contribution des thèmes au risque" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Dette URSSAF = 2,3 mois de cotisations")).ToBeVisibleAsync();
        // Banque de France data: the officer holds no bdf right, so the section is shown locked with the reason.
        await Assertions.Expect(page.Locator(".locked", new() { HasText = "droit « bdf »" })).ToBeVisibleAsync();
        await Screenshot(page, "entreprise");
        await AssertAccessibleAsync(page, "fiche entreprise");

        // Following it needs a reason; the feature service records it under the officer's name.
        await page.GetByLabel("Motif du suivi (obligatoire)").SelectOptionAsync("LocalNetwork");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suivre cette entreprise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Entreprise suivie");
        var follow = await Db.QueryAsync<FeaturesDbContext, FollowedCompany?>(stack.Features.Services, db => db.FollowedCompanies.AsNoTracking().SingleOrDefaultAsync());
        Assert.Equal((Agent21, PortalData.InDijon, FollowReason.LocalNetwork), (follow?.Officer, follow?.Siren, follow?.Reason));

        // The export: an XLSX of the list, written to the scoring service's audit log as an export.
        await page.GetByRole(AriaRole.Link, new() { Name = "Liste de détection" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter la liste (XLSX)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"sf-portal-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            var text = SheetText(file);
            Assert.Contains(PortalData.InDijon, text);
            Assert.DoesNotContain(PortalData.InParis, text);
        }
        finally
        {
            File.Delete(file);
        }
        var exports = await Db.QueryAsync<ScoringDbContext, List<AuditEntry>>(stack.Scoring.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Export).ToListAsync());
        Assert.Equal(Agent21, Assert.Single(exports).Actor);

        // Another département's officer: the same company's figures are refused, and the attempt is audited.
        var other = await browser.SignInAsync(stack.PortalUrl, Agent75);
        await other.GotoAsync(stack.PortalUrl + "entreprises/" + PortalData.InDijon);
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("ACCÈS REFUSÉ");
        await Assertions.Expect(other.GetByRole(AriaRole.Img, new() { Name = "Dette URSSAF par mois (€)" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("Dette URSSAF = 2,3", await other.ContentAsync());
        var refused = await Db.QueryAsync<FeaturesDbContext, List<AuditEntry>>(stack.Features.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.OutOfZone).ToListAsync());
        Assert.Equal((Agent75, PortalData.InDijon), (Assert.Single(refused).Actor, refused[0].Resource));
    }

    /// <summary>axe-core on the page as rendered: no serious or critical violation.</summary>
    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var results = await page.RunAxe();
        foreach (var v in results.Violations) output.WriteLine($"axe {what}: {v.Impact} {v.Id} — {v.Help} ({v.Nodes.Length} nodes)");
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, $"axe on the {what}: {string.Join("; ", serious)}");
        Assert.NotEmpty(results.Passes);
    }

    /// <summary>Screenshots for the documentation when SF_PORTAL_SCREENSHOTS names a folder.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SF_PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private static string SheetText(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
