using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.IntegrationTests.Features;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.Notifications;
using SignauxFaibles.IntegrationTests.Scoring;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Synthesis;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.EndToEnd;

/// <summary>
/// Every service over the real servers: a synthetic dataset goes through the five ingestion
/// services, the feature service builds the panel, the scoring service scores it; then an URSSAF
/// débit file puts one calm company deep in debt, and the officer of its département finds it in
/// the inbox and the mail — and officers of elsewhere, or without the score right, do not.
/// </summary>
public sealed class WorseningCompanyTests(ITestOutputHelper output)
{
    private static readonly YearMonth From = new(2017, 1);
    private static readonly YearMonth To = new(2019, 12);

    [Fact]
    public async Task A_debt_upload_of_a_worsening_company_reaches_the_inbox_of_the_officer_of_its_departement()
    {
        var folder = Directory.CreateTempSubdirectory("sf-e2e-").FullName;
        var dataset = Path.Combine(folder, "dataset");
        SyntheticDataset.Generate(new SynthesisOptions { Companies = 120, From = Month.Of(2017, 1), To = Month.Of(2019, 12), Seed = 5 }, dataset);

        await using var env = await IntegrationEnvironment.CreateAsync();
        await using var smtp = new SmtpSink();
        await smtp.StartAsync();
        // Downstream services first, so that their queues exist before anything is published.
        await using var notifications = Services.Notifications(env, "notifications", new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Delivery:PollInterval"] = "00:00:00.200",
        });
        await using var scoring = Services.Scoring(env, "scoring");
        var scoringApi = scoring.CreateClient();
        await ScoringSteps.ActivateAsync(scoringApi, TestModels.Train(1));
        await using var platform = await LivePlatform.StartAsync(env, From, To);

        foreach (var upload in platform.Plan(dataset, new Random(3)).Where(u => !u.Name.EndsWith(".gz", StringComparison.Ordinal)))
        {
            var response = await upload.Service.CreateClient().PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(upload.Name)}", new ByteArrayContent(upload.Content));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{upload.Name}: {(int)response.StatusCode}");
        }
        await platform.SettledAsync();
        await ScoringSteps.QuietAsync(env, scoring.Services, "scoring-company-indicators-updated");

        // A calm company of the perimeter with contributions to compare a debt with, and where it is.
        var (siren, monthlyContributions) = await CalmCompanyAsync(scoring.Services, DebitSirens(dataset));
        var departements = await Db.QueryAsync<NotificationsDbContext, List<string>>(notifications.Services, db =>
            db.Establishments.Where(e => e.Siren == siren && e.Departement != null).Select(e => e.Departement!).Distinct().ToListAsync());
        Assert.NotEmpty(departements);
        var elsewhere = new[] { "2A", "976", "90", "48" }.First(d => !departements.Contains(d));
        output.WriteLine($"{siren.Value}: contributions {monthlyContributions:N0} €/month, establishments in {string.Join(", ", departements)}");

        var roster = $"""
            Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits
            A;DREETS;{departements[0]};CRP;Claire;Martin;claire.martin@dreets.example.fr;urssaf,score
            A;URSSAF;{departements[0]};Inspecteur;Tom;Girard;tom.girard@urssaf.example.fr;urssaf
            A;DREETS;{elsewhere};CRP;Nina;Robin;nina.robin@dreets.example.fr;urssaf,score
            """;
        var notificationsApi = notifications.CreateClient();
        (await notificationsApi.PostAsync("/api/officers/roster?fileName=roster.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(roster)))).EnsureSuccessStatusCode();

        // The URSSAF delivery that makes it worse: five months of contributions owed, processed in December.
        var debit = WorseningDebit(dataset, siren, monthlyContributions * 5);
        var urssaf = platform.Plan(dataset, new Random(1)).First(u => u.Name.StartsWith("sigfaible_debits", StringComparison.Ordinal)).Service.CreateClient();
        var uploaded = await urssaf.PostAsync("/api/files/urssaf-debit?wait=true&fileName=sigfaible_debits_201912_e2e.csv", new StringContent(debit));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        var officers = (await notificationsApi.GetFromJsonAsync<JsonElement[]>("/api/officers"))!
            .ToDictionary(o => o.GetProperty("email").GetString()!, o => o.GetProperty("id").GetGuid());
        var inbox = await Eventually.UntilAsync(
            () => notificationsApi.GetFromJsonAsync<JsonElement[]>($"/api/officers/{officers["claire.martin@dreets.example.fr"]}/inbox")!,
            entries => entries!.Any(e => e.GetProperty("siren").GetString() == siren.Value), TimeSpan.FromMinutes(2), "the alert in the officer's inbox");
        var entry = inbox!.Single(e => e.GetProperty("siren").GetString() == siren.Value);
        output.WriteLine(entry.ToString());
        Assert.Equal("High", entry.GetProperty("level").GetString());
        var mail = await Eventually.UntilAsync(() => Task.FromResult(smtp.Received.Where(m => m.Body.Contains(siren.Value, StringComparison.Ordinal)).ToList()),
            m => m.Count >= 1, TimeSpan.FromSeconds(30), "the red alert's mail");
        Assert.Equal("claire.martin@dreets.example.fr", Assert.Single(mail).To);
        foreach (var other in new[] { "tom.girard@urssaf.example.fr", "nina.robin@dreets.example.fr" })
            Assert.DoesNotContain((await notificationsApi.GetFromJsonAsync<JsonElement[]>($"/api/officers/{officers[other]}/inbox"))!,
                e => e.GetProperty("siren").GetString() == siren.Value);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(Siren Siren, double MonthlyContributions)> CalmCompanyAsync(IServiceProvider scoring, HashSet<string> withDebitLines)
    {
        var candidates = await Db.QueryAsync<ScoringDbContext, List<(CompanyStanding Standing, IndicatorSnapshot Snapshot)>>(scoring, async db =>
        {
            var calm = await db.Standings.AsNoTracking().Where(s => s.Level == RiskLevel.None && s.NotScoredReason == null && s.Month == To).ToListAsync();
            var sirens = calm.Select(s => s.Siren).ToList();
            var snapshots = await db.Snapshots.AsNoTracking().Where(s => sirens.Contains(s.Siren) && s.Month == To).ToDictionaryAsync(s => s.Siren);
            return calm.Where(s => snapshots.ContainsKey(s.Siren)).Select(s => (s, snapshots[s.Siren])).ToList();
        });
        var chosen = candidates
            .Select(c => (c.Standing.Siren, Contributions: (double)Layout.Current.Get(c.Snapshot.Values, "cotisation_moy12m"), Debt: Layout.Current.Get(c.Snapshot.Values, "ratio_dette")))
            .Where(c => c.Contributions > 100 && !(c.Debt > 0.2) && withDebitLines.Contains(c.Siren.Value))
            .OrderBy(c => c.Siren.Value, StringComparer.Ordinal)
            .FirstOrDefault();
        Assert.True(chosen.Contributions > 0, $"no calm company with contributions among {candidates.Count} scored ones");
        return (chosen.Siren, chosen.Contributions);
    }

    private static HashSet<string> DebitSirens(string dataset) =>
        Directory.GetFiles(dataset, "sigfaible_debits_*.csv", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split(';')[3]).ToHashSet(StringComparer.Ordinal);

    /// <summary>One new debt line of the company, on its own URSSAF account (taken from the dataset's débit files).</summary>
    private static string WorseningDebit(string dataset, Siren siren, double euros)
    {
        var files = Directory.GetFiles(dataset, "sigfaible_debits_*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var header = File.ReadLines(files[0]).First();
        var template = files.SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split(';')).FirstOrDefault(c => c[3] == siren.Value)
            ?? throw new InvalidOperationException($"{siren.Value} has no débit line to take its account from");
        var cents = ((long)Math.Ceiling(euros * 100)).ToString(CultureInfo.InvariantCulture);
        var half = ((long)Math.Ceiling(euros * 50)).ToString(CultureInfo.InvariantCulture);
        // Period October 2019, line 999, first step, processed 2019-12-05 (URSSAF date 1191205).
        var line = string.Join(';', template[0], template[1], template[2], template[3], template[4], template[5], template[6], "0",
            "201941", "999", "1", "1191205", half, cents, "1", "2", "0");
        return header + "\n" + line + "\n";
    }
}
