using System.Net;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Explanations;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// Two companies as the pipeline leaves them: URSSAF debts uploaded to the real ingestion service,
/// establishments placed by Sirene events, the panel computed by the feature service; the Dijon one
/// on the red list. Scores are written to the scoring service's tables (a trained model's output is
/// not what this test is about), with an explanation as the scorer stores it.
/// </summary>
internal static class PortalData
{
    public const string InDijon = "100000000";   // Côte-d'Or (21, région 27)
    public const string InParis = "100007919";   // Paris (75, région 11)
    public const string DijonName = "Tôlerie de Bourgogne";
    private const string DebitHeader = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours";

    public static async Task LoadAsync(PortalStack stack)
    {
        // A debt growing over three months for each company (amounts in cents).
        var lines = new[] { InDijon, InParis }.SelectMany(siren => new[]
        {
            Debit(siren, "201911", "1", "1200210", "50000", "120000"),
            Debit(siren, "201912", "2", "1200410", "80000", "160000"),
            Debit(siren, "202001", "3", "1200610", "90000", "210000"),
        });
        using var upload = await stack.Urssaf.CreateClient().PostAsync("/api/files/urssaf-debit?wait=true&fileName=debits.csv",
            new ByteArrayContent(Encoding.UTF8.GetBytes(DebitHeader + "\n" + string.Join("\n", lines) + "\n")));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var establishments = new[] { (InDijon, "21", "27"), (InParis, "75", "11") }
            .Select(e => new EstablishmentRegistration(e.Item1 + "00017", Siret.Parse(e.Item1 + "00017"), true, null, "25.62B", "NAFRev2",
                "12", null, null, null, null, null, null, e.Item2, e.Item3, true, null, null, null))
            .ToList();
        var bus = stack.Bus;
        await bus.Publish(new CompanyRegistered(new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "StockUniteLegale.csv"),
            [Company(InDijon, DijonName), Company(InParis, "Imprimerie Parisienne")]));
        await bus.Publish(new EstablishmentRegistered(new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "StockEtablissement.csv"), establishments));
        var june = new YearMonth(2020, 6).Index;
        await Eventually.UntilAsync(() => Db.QueryAsync<FeaturesDbContext, List<string?[]>>(stack.Features.Services,
                async db => (await PanelStore.MonthsAsync(db, null, default)).Where(m => m.Siret.Length > 0 && m.Month == june).Select(m => m.Labels).ToList()),
            labels => labels.Count(l => l.Contains("21") || l.Contains("75")) == 2, TimeSpan.FromSeconds(60), "both establishments placed in the panel");

        // Both on the lists: the feature service learns it from RiskLevelChanged, the scoring service holds the standings.
        var december = new YearMonth(2020, 12);
        foreach (var (siren, level) in new[] { (InDijon, RiskLevel.High), (InParis, RiskLevel.Moderate) })
        {
            await bus.Publish(new RiskLevelChanged(Siren.Parse(siren), december, RiskLevel.None, level, 0.8, "v1", [], [], DateTimeOffset.UtcNow));
        }
        await Eventually.UntilAsync(() => Db.QueryAsync<FeaturesDbContext, int>(stack.Features.Services, db => db.ListedCompanies.CountAsync()),
            n => n == 2, TimeSpan.FromSeconds(30), "both companies listed in the feature service");
        await Eventually.UntilAsync(() => Db.QueryAsync<ScoringDbContext, int>(stack.Scoring.Services, db => db.CompanyNames.CountAsync()),
            n => n == 2, TimeSpan.FromSeconds(30), "the companies' names in the scoring service");
        await Db.QueryAsync<ScoringDbContext, int>(stack.Scoring.Services, db =>
        {
            db.Standings.Add(Standing(InDijon, RiskLevel.High, 0.81, "21", "27", 42));
            db.Standings.Add(Standing(InParis, RiskLevel.Moderate, 0.34, "75", "11", 12));
            db.Scores.Add(Score(InDijon, new YearMonth(2020, 11), RiskLevel.Moderate, 0.33));
            db.Scores.Add(Score(InDijon, december, RiskLevel.High, 0.81));
            return db.SaveChangesAsync();
        });
    }

    private static CompanyStanding Standing(string siren, RiskLevel level, double probability, string departement, string region, double headcount) => new()
    {
        Siren = Siren.Parse(siren), Month = new YearMonth(2020, 12), Level = level, Probability = probability, ModelVersion = "v1",
        FirstAlertMonth = new YearMonth(2020, 12), PreviousLevel = RiskLevel.None, Departement = departement, Region = region,
        NafSection = "C", NafCode = "25.62B", Headcount = headcount, SizeClass = SizeClasses.Of((float)headcount), MainTheme = Themes.SocialContributionDebt,
        // Possibly from a tax return: shown only to officers holding the dgfip right.
        Turnover = 1_234_567,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static CompanyScore Score(string siren, YearMonth month, RiskLevel level, double probability) => new()
    {
        Siren = Siren.Parse(siren), Month = month, ModelVersionId = 1, ModelVersion = "v1", Probability = probability, Level = level,
        Margin = 0.9, Baseline = -1.6, Themes = [0.2, 1.7, 0.1, 0.0, 0.4, -0.4], ScoredAt = DateTimeOffset.UtcNow,
        TopFeatures = JsonSerializer.Serialize(new[]
        {
            new FeatureContribution("ratio_dette", Themes.SocialContributionDebt, 2.3, 1.2,
                "Dette URSSAF = 2,3 mois de cotisations, contre 0,4 il y a 3 mois (augmente le risque)"),
            new FeatureContribution("effectif_ent_var12m", Themes.Employment, -0.2, 0.4, "Effectif en baisse de 20 % sur un an (augmente le risque)"),
        }, JsonSerializerOptions.Web),
    };

    private static CompanyRegistration Company(string siren, string name) =>
        new(siren, Siren.Parse(siren), name, null, null, "5710", "25.62B", "NAFRev2", null, new DateOnly(2010, 1, 1), true, "PME", "12", "00017");

    private static string Debit(string siren, string period, string ecart, string processed, string employee, string employer) =>
        string.Join(';', "116", "75", "11" + siren + "0000000", siren, siren + "00017", "20100101", "1", "0", period,
            ecart, "1", processed, employee, employer, "1", "2", "0");
}
