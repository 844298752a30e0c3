using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Contracts.FollowUp;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Testing;
using DgefpDbContext = SignauxFaibles.Ingestion.Dgefp.Data.IngestionDbContext;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>
/// access.md through the running gateway, over the real broker and database: institutions push
/// only their own feed, officers read only their zone, and confidential figures need the right
/// and the company on the list (or followed); every refusal and confidential view is audited.
/// </summary>
public sealed class AccessRulesTests
{
    private const string InDijon = "100000000";     // one establishment, in Côte-d'Or (21, région 27)
    private const string InParis = "100007919";     // one establishment, in Paris (75) only
    private const string DebitHeader = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours";

    private static readonly string Officer21 = TestTokens.Officer("officer-21", "DREETS", ["urssaf", "dgefp"], ["dep:21"]);
    private static readonly string Officer21WithoutUrssaf = TestTokens.Officer("officer-21-dgefp", "DDETS", ["dgefp"], ["dep:21"]);
    private static readonly string OfficerOfRegion27 = TestTokens.Officer("officer-reg-27", "DREETS", ["urssaf"], ["reg:27"]);

    [Fact]
    public async Task An_institution_pushing_another_feed_is_refused_and_audited()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var dgefpPort = GatewayHost.FreePort();
        await using var dgefp = Services.Ingestion<IngestionDgefpService>(env, "dgefp", port: dgefpPort);
        await using var gateway = GatewayHost.Start(new Dictionary<string, int> { ["ingestion-dgefp"] = dgefpPort });
        var client = gateway.Anonymous();
        var path = $"/dgefp/api/files/{DgefpFileKinds.Demande.Name}?fileName=demandes.csv";

        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("a;b\n") }
            .As(TestTokens.Institution("urssaf", "ingest:urssaf")));
        using var pushedToRecords = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/dgefp/api/records/{DgefpFileKinds.Demande.Name}")
            { Content = new StringContent("[]", Encoding.UTF8, "application/json") }.As(TestTokens.Institution("urssaf", "ingest:urssaf")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pushedToRecords.StatusCode);
        var audit = await Db.QueryAsync<DgefpDbContext, List<AuditEntry>>(dgefp.Services, db => db.Set<AuditEntry>().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(("urssaf", AuditActions.PushRefused, AuditOutcomes.Refused), (a.Actor, a.Action, a.Outcome)));
        Assert.Equal($"dgefp/{DgefpFileKinds.Demande.Name}", audit[0].Resource);
        Assert.Contains("ingest:dgefp", audit[0].Reason);
        Assert.NotNull(audit[0].CorrelationId);

        // The feed's own institution passes (its empty push is refused for its content, not its scope).
        using var own = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/dgefp/api/records/{DgefpFileKinds.Demande.Name}")
            { Content = new StringContent("[]", Encoding.UTF8, "application/json") }.As(TestTokens.Institution("dgefp", "ingest:dgefp")));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);

        // Ops read the audit log through the gateway; an institution may not.
        using var forOps = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dgefp/api/audit?action=push-refused").As(TestTokens.Operator()));
        var entries = await forOps.Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(2, entries!.Length);
        Assert.All(entries, e => Assert.Equal("urssaf", e.GetProperty("actor").GetString()));
        using var forInstitution = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dgefp/api/audit").As(TestTokens.Institution("dgefp", "ingest:dgefp")));
        Assert.Equal(HttpStatusCode.Forbidden, forInstitution.StatusCode);
    }

    [Fact]
    public async Task Officers_read_their_zone_and_confidential_figures_only_with_the_right_and_the_list()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var featuresPort = GatewayHost.FreePort();
        await using var features = Services.Features(env, "features", "2019-01", "2020-12", port: featuresPort);
        await using var urssaf = Services.IngestionUrssaf(env, "urssaf");
        await using var gateway = GatewayHost.Start(new Dictionary<string, int> { ["features"] = featuresPort });
        using var harness = await DownstreamBus.StartAsync(env);
        var bus = harness.Services.GetRequiredService<IBus>();
        await LoadTwoCompaniesAsync(features, urssaf, bus);
        var client = gateway.Anonymous();

        // Out of zone: nothing, and a trace.
        using var paris = await client.SendAsync(Read(InParis, Officer21));
        Assert.Equal(HttpStatusCode.Forbidden, paris.StatusCode);
        var outOfZone = await AuditAsync(features, AuditActions.OutOfZone);
        Assert.Equal(("officer-21", InParis, AuditOutcomes.Refused, "DREETS"), (outOfZone.Single().Actor, outOfZone.Single().Resource, outOfZone.Single().Outcome, outOfZone.Single().Institution));
        Assert.Contains("75", outOfZone.Single().Reason);

        // In zone, not listed nor followed: public indicators only.
        var unlisted = await ReadAsync(client, InDijon, Officer21);
        Assert.False(HasUrssafFigures(unlisted));
        Assert.Contains("red/orange list", unlisted.GetProperty("withheld").GetProperty("urssaf").GetString());
        Assert.Empty(await AuditAsync(features, AuditActions.ConfidentialView));

        // On the red list: the URSSAF figures appear for the officer holding the right, and the view is audited.
        await bus.Publish(new RiskLevelChanged(Siren.Parse(InDijon), new YearMonth(2020, 12),
            RiskLevel.None, RiskLevel.High, 0.9, "test", [], [], DateTimeOffset.UtcNow));
        var listed = await Eventually.UntilAsync(() => ReadAsync(client, InDijon, Officer21), HasUrssafFigures, TimeSpan.FromSeconds(30), "the URSSAF figures once listed");
        var february = listed.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2020-02");
        Assert.Equal(100, february.GetProperty("values").GetProperty("montant_part_ouvriere").GetDouble());
        Assert.False(listed.GetProperty("withheld").TryGetProperty("urssaf", out _));
        var viewed = Assert.Single(await AuditAsync(features, AuditActions.ConfidentialView));
        Assert.Equal(("officer-21", InDijon, AuditOutcomes.Allowed), (viewed.Actor, viewed.Resource, viewed.Outcome));

        // Same zone, same list, no urssaf right: still no URSSAF figures. A région covers its départements.
        var withoutRight = await ReadAsync(client, InDijon, Officer21WithoutUrssaf);
        Assert.False(HasUrssafFigures(withoutRight));
        Assert.Contains("does not hold the urssaf right", withoutRight.GetProperty("withheld").GetProperty("urssaf").GetString());
        Assert.True(HasUrssafFigures(await ReadAsync(client, InDijon, OfficerOfRegion27)));
        using var regionInParis = await client.SendAsync(Read(InParis, OfficerOfRegion27));
        Assert.Equal(HttpStatusCode.Forbidden, regionInParis.StatusCode);

        // A score-only officer of the zone sees no source value at all, listed company or not.
        var scoreOnly = await ReadAsync(client, InDijon, TestTokens.Officer("officer-21-score", "DREETS", ["score"], ["dep:21"]));
        var columns = scoreOnly.GetProperty("months").EnumerateArray().SelectMany(m => m.GetProperty("values").EnumerateObject().Select(v => v.Name)).Distinct().ToList();
        Assert.NotEmpty(columns);
        Assert.All(columns, c => Assert.Null(SignauxFaibles.Indicators.Panel.ConfidentialColumns.RightFor(c)));
        Assert.Equal(["bdf", "dgefp", "dgfip", "urssaf"], scoreOnly.GetProperty("withheld").EnumerateObject().Select(w => w.Name).Order());

        // Institutions' and operators' tokens are not officers': company data stay closed to them.
        using var byInstitution = await client.SendAsync(Read(InDijon, TestTokens.Institution("urssaf", "ingest:urssaf")));
        Assert.Equal(HttpStatusCode.Forbidden, byInstitution.StatusCode);
    }

    [Fact]
    public async Task Following_is_audited_and_announced_and_unfollowing_keeps_the_period()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        await using var features = Services.Features(env, "features", "2019-01", "2020-12");
        await using var urssaf = Services.IngestionUrssaf(env, "urssaf");
        var announced = new System.Collections.Concurrent.ConcurrentQueue<CompanyFollowingChanged>();
        using var harness = await DownstreamBus.StartAsync(env);
        var bus = harness.Services.GetRequiredService<IBus>();
        var watch = bus.ConnectReceiveEndpoint("test-following-changed",
            e => e.Handler<CompanyFollowingChanged>(c => { announced.Enqueue(c.Message); return Task.CompletedTask; }));
        await watch.Ready;
        await LoadTwoCompaniesAsync(features, urssaf, bus);
        var client = features.CreateClient();

        using var followed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/companies/{InDijon}/follow")
            { Content = JsonContent.Create(new { reason = "Other", comment = "Appel du dirigeant" }) }.As(Officer21));
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        var follow = Assert.Single(await AuditAsync(features, AuditActions.Follow));
        Assert.Equal(("officer-21", InDijon), (follow.Actor, follow.Resource));
        Assert.Contains("Appel du dirigeant", follow.Reason);
        await Eventually.UntilAsync(() => Task.FromResult(announced.ToList()), a => a.Count == 1, TimeSpan.FromSeconds(30), "the follow announced");

        using var unfollowed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/companies/{InDijon}/follow").As(Officer21));
        Assert.Equal(HttpStatusCode.NoContent, unfollowed.StatusCode);
        Assert.Single(await AuditAsync(features, AuditActions.Unfollow));
        using var history = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/companies/{InDijon}/follow/history").As(Officer21));
        var period = Assert.Single((await history.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal(("Other", "Appel du dirigeant"), (period.GetProperty("reason").GetString(), period.GetProperty("comment").GetString()));
        Assert.True(period.GetProperty("until").GetDateTimeOffset() >= period.GetProperty("since").GetDateTimeOffset());
        var changes = await Eventually.UntilAsync(() => Task.FromResult(announced.ToList()), a => a.Count == 2, TimeSpan.FromSeconds(30), "the end announced");
        Assert.Equal([true, false], changes.OrderBy(c => c.ChangedAt).Select(c => c.Following));
        Assert.All(changes, c => Assert.Equal(("officer-21", InDijon), (c.Officer, c.Siren.Value)));
    }

    private static async Task LoadTwoCompaniesAsync(ServiceFactory<SignauxFaibles.Features.FeaturesService> features, ServiceFactory<SignauxFaibles.Ingestion.Urssaf.IngestionUrssafService> urssaf, IBus bus)
    {
        // A debt from February 2020 for each company (100 € employee share), then where their establishments are.
        var debits = DebitHeader + "\n" + Debit(InDijon) + "\n" + Debit(InParis) + "\n";
        var upload = await urssaf.CreateClient().PostAsync("/api/files/urssaf-debit?wait=true&fileName=debits.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(debits)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var establishments = new[] { (InDijon, "21", "27"), (InParis, "75", "11") }
            .Select(e => new EstablishmentRegistration(e.Item1 + "00017", Siret.Parse(e.Item1 + "00017"), true, null, "25.62B", "NAFRev2",
                "12", null, null, null, null, null, null, e.Item2, e.Item3, true, null, null, null))
            .ToList();
        await bus.Publish(new EstablishmentRegistered(new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "StockEtablissement.csv"), establishments));
        var february = new YearMonth(2020, 2).Index;
        await Eventually.UntilAsync(() => Db.QueryAsync<FeaturesDbContext, List<string?[]>>(features.Services,
                async db => (await PanelStore.MonthsAsync(db, null, default)).Where(m => m.Siret.Length > 0 && m.Month == february).Select(m => m.Labels).ToList()),
            labels => labels.Count(l => l.Contains("21") || l.Contains("75")) == 2, TimeSpan.FromSeconds(60), "both establishments placed in the panel");
    }

    private static string Debit(string siren) => string.Join(';', "116", "75", "11" + siren + "0000000", siren, siren + "00017", "20100101", "1", "0", "201911",
        "1", "1", "1200210", "10000", "20000", "1", "2", "0");

    private static HttpRequestMessage Read(string siren, string token) => new HttpRequestMessage(HttpMethod.Get, $"/features/api/companies/{siren}/indicators").As(token);

    private static async Task<JsonElement> ReadAsync(HttpClient client, string siren, string token)
    {
        using var response = await client.SendAsync(Read(siren, token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool HasUrssafFigures(JsonElement company) =>
        company.GetProperty("months").EnumerateArray().Any(m => m.GetProperty("values").TryGetProperty("montant_part_ouvriere", out _));

    private static Task<List<AuditEntry>> AuditAsync(ServiceFactory<SignauxFaibles.Features.FeaturesService> features, string action) =>
        Db.QueryAsync<FeaturesDbContext, List<AuditEntry>>(features.Services, db => db.Set<AuditEntry>().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
