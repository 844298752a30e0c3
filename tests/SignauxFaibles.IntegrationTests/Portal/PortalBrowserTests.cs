using System.Collections.Concurrent;
using System.IO.Compression;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Contracts.Scoring;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SignauxFaibles.Features.Access;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// The officers' portal in a real browser (Chromium driven by Playwright) against the real
/// identity, feature, scoring and notification services behind the real gateway: sign-in and the
/// confidentiality terms, the list of one's zone, a company's file (debt chart, explanation, a
/// locked section), following it with a reason and its follow-up (status, action, verdict event),
/// the alerts inbox, both exports (audited); another département's officer refused; sign-out; axe
/// finds no serious accessibility violation on the terms, the list and the company file.
/// </summary>
// One browser stack at a time: each starts seven services and Chromium.
[Collection("portal-browser")]
public sealed class PortalBrowserTests(ITestOutputHelper output)
{
    private const string Agent21 = "agent.21@portail.test";
    private const string Agent75 = "agent.75@portail.test";
    private const string Roster = "Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits\n"
        + $"A;DREETS;21;Commissaire au redressement productif;Claire;Martin;{Agent21};urssaf,dgefp,score\n"
        + $"A;DREETS;75;Commissaire au redressement productif;Paul;Durand;{Agent75};urssaf,dgefp,score\n";

    [Fact]
    public async Task An_officer_works_the_list_of_the_zone_and_a_company_file_and_another_departement_is_refused()
    {
        await using var stack = await PortalStack.StartAsync();
        await stack.ImportRosterAsync(Roster, officers: 2);
        var verdicts = new ConcurrentQueue<AlertVerdictRecorded>();
        var watch = stack.Bus.ConnectReceiveEndpoint("test-portal-verdicts",
            e => e.Handler<AlertVerdictRecorded>(c => { verdicts.Enqueue(c.Message); return Task.CompletedTask; }));
        await watch.Ready;
        await PortalData.LoadAsync(stack);
        await using var browser = await Browser.LaunchAsync();

        // First use: the issuer asks for the confidentiality terms at sign-in, before any token (the date is kept and put in the token).
        var page = await browser.SignInAsync(stack.PortalUrl, Agent21);
        Assert.Contains("/account/terms", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Engagement de confidentialité" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "engagement de confidentialité");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider mon engagement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cochez la case");
        await page.GetByLabel("J'ai pris connaissance de ces conditions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider mon engagement" }).ClickAsync();
        await page.WaitForURLAsync(stack.PortalUrl + "**");
        var acknowledged = await Db.QueryAsync<IdentityDbContext, List<string>>(stack.Identity.Services,
            db => db.TermsAcknowledgements.Select(a => a.Email).ToListAsync());
        Assert.Equal([Agent21], acknowledged);

        // The list: only the Dijon company (the Paris one is on the orange list, outside the zone).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Liste de détection" })).ToBeVisibleAsync();
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(PortalData.InDijon);
        await Assertions.Expect(rows.First).ToContainTextAsync("Risque fort");
        await Assertions.Expect(rows.First).ToContainTextAsync("Côte-d'Or (21), Bourgogne-Franche-Comté");
        await Assertions.Expect(rows.First).ToContainTextAsync("25.62B — Mécanique industrielle");
        Assert.DoesNotContain(PortalData.InParis, await page.ContentAsync());
        await Screenshot(page, "liste");
        await AssertAccessibleAsync(page, "liste de détection");

        // The company file: its debt chart and its explanation.
        await page.GetByRole(AriaRole.Link, new() { Name = PortalData.DijonName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{PortalData.DijonName} SIREN {PortalData.InDijon}" })).ToBeVisibleAsync();
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

        // The follow-up: status, an action taken, and the verdict on the alert, published for the model's feedback loop.
        await page.GetByLabel("Statut du suivi").SelectOptionAsync("UnderWatch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le statut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Statut du suivi enregistré");
        await page.GetByLabel("Type").SelectOptionAsync("Action");
        await page.GetByLabel("Texte").FillAsync("Visite du dirigeant, orientation vers la CCSF");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter au suivi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Action : Visite du dirigeant, orientation vers la CCSF")).ToBeVisibleAsync();
        await page.GetByLabel("Utile", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Pourquoi (obligatoire)").FillAsync("Dette confirmée, plan d'apurement engagé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'avis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Avis sur l'alerte enregistré");
        var verdict = await Eventually.UntilAsync(() => Task.FromResult(verdicts.ToArray()), v => v.Length > 0, TimeSpan.FromSeconds(30), "the verdict event");
        Assert.Equal((PortalData.InDijon, Agent21, true, RiskLevel.High), (verdict.Single().Siren.Value, verdict.Single().Officer, verdict.Single().Useful, verdict.Single().Level));
        follow = await Db.QueryAsync<FeaturesDbContext, FollowedCompany?>(stack.Features.Services, db => db.FollowedCompanies.AsNoTracking().SingleOrDefaultAsync());
        Assert.Equal(FollowStatus.UnderWatch, follow?.Status);

        // The alerts inbox: the red change reached this officer; it is acknowledged from the portal.
        await page.GetByRole(AriaRole.Link, new() { Name = "Alertes (1 non lues)" }).ClickAsync();
        var alert = page.Locator("table tbody tr", new() { HasText = PortalData.DijonName });
        await Assertions.Expect(alert).ToContainTextAsync("Risque fort");
        await alert.GetByLabel("Suite donnée").FillAsync("Entreprise contactée");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Traiter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Alerte traitée");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Alertes", Exact = true })).ToBeVisibleAsync();

        // The export: an XLSX of the list, written to the scoring service's audit log as an export.
        await page.GetByRole(AriaRole.Link, new() { Name = "Liste de détection" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter la liste (XLSX)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"sf-portal-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            var text = SheetText(file);
            Assert.Contains(PortalData.InDijon, text);
            Assert.Contains(PortalData.DijonName, text);
            Assert.Contains("Risque fort", text);
            Assert.DoesNotContain(PortalData.InParis, text);
            // The officer holds no dgfip right: the turnover (possibly a tax figure) is not in the export.
            Assert.DoesNotContain("1234567", text);
        }
        finally
        {
            File.Delete(file);
        }
        var exports = await Db.QueryAsync<ScoringDbContext, List<AuditEntry>>(stack.Scoring.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Export).ToListAsync());
        Assert.Equal(Agent21, Assert.Single(exports).Actor);
        // An export is a form post of the portal's own page: the same session without its form token is refused, and a GET is not an export.
        var forged = await page.Context.APIRequest.PostAsync(stack.PortalUrl + "export/liste.xlsx");
        Assert.Equal(400, forged.Status);
        var byLink = await page.Context.APIRequest.GetAsync(stack.PortalUrl + "export/liste.xlsx", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, byLink.Status);
        Assert.Single(await Db.QueryAsync<ScoringDbContext, List<AuditEntry>>(stack.Scoring.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Export).ToListAsync()));

        // The followed companies' export, audited by the feature service.
        await page.GetByRole(AriaRole.Link, new() { Name = "Entreprises suivies" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToContainTextAsync("Sous surveillance");
        var followedExport = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter les entreprises suivies (XLSX)" }).ClickAsync());
        Assert.Equal("entreprises-suivies.xlsx", followedExport.SuggestedFilename);
        var followExports = await Db.QueryAsync<FeaturesDbContext, List<AuditEntry>>(stack.Features.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Export).ToListAsync());
        Assert.Equal((Agent21, "follows"), (Assert.Single(followExports).Actor, followExports[0].Resource));

        // Another département's officer: the same company's figures are refused, and the attempt is audited.
        var other = await browser.SignInAsync(stack.PortalUrl, Agent75);
        await other.GetByLabel("J'ai pris connaissance de ces conditions").CheckAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Valider mon engagement" }).ClickAsync();
        await other.WaitForURLAsync(stack.PortalUrl + "**");
        await other.GotoAsync(stack.PortalUrl + "entreprises/" + PortalData.InDijon);
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("ACCÈS REFUSÉ");
        await Assertions.Expect(other.GetByRole(AriaRole.Img, new() { Name = "Dette URSSAF par mois (€)" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("Dette URSSAF = 2,3", await other.ContentAsync());
        var refused = await Db.QueryAsync<FeaturesDbContext, List<AuditEntry>>(stack.Features.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.OutOfZone).ToListAsync());
        Assert.Equal((Agent75, PortalData.InDijon), (Assert.Single(refused).Actor, refused[0].Resource));

        // Signing out ends the portal's session: the next page asks to sign in again.
        await other.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes déconnecté du portail" })).ToBeVisibleAsync();
        var cookies = await other.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name.StartsWith(SignauxFaibles.Portal.Login.PortalAuthentication.CookieName, StringComparison.Ordinal));
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
