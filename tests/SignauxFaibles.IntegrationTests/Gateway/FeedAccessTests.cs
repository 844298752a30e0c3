using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Testing;
using FinanceDbContext = SignauxFaibles.Ingestion.Finance.Data.IngestionDbContext;
using UrssafDbContext = SignauxFaibles.Ingestion.Urssaf.Data.IngestionDbContext;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>
/// One client per institution, through the running gateway: each pushes only its own sources (even
/// where one service hosts several providers), and batches with their rejected raw values are read
/// by the feed that delivered them and by ops only, every refusal and every read of rejects audited.
/// </summary>
public sealed class FeedAccessTests
{
    private static readonly string Urssaf = TestTokens.Institution("urssaf", "ingest:urssaf");
    private static readonly string Altares = TestTokens.Institution("altares", "ingest:altares");
    private static readonly string Bdf = TestTokens.Institution("bdf", "ingest:bdf");
    private static readonly string Dgfip = TestTokens.Institution("dgfip", "ingest:dgfip");

    [Fact]
    public async Task Another_institution_cannot_read_a_feeds_batches_or_rejects_nor_push_its_kinds()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var (urssafPort, financePort) = (GatewayHost.FreePort(), GatewayHost.FreePort());
        await using var urssaf = Services.Ingestion<SignauxFaibles.Ingestion.Urssaf.IngestionUrssafService>(env, "urssaf", port: urssafPort);
        await using var finance = Services.Ingestion<IngestionFinanceService>(env, "finance", port: financePort);
        await using var gateway = GatewayHost.Start(new Dictionary<string, int> { ["ingestion-urssaf"] = urssafPort, ["ingestion-finance"] = financePort });
        var client = gateway.Anonymous();

        // URSSAF delivers a file with rejected lines.
        var debit = await DeliverAsync(client, Urssaf, "/urssaf/api/files/urssaf-debit", Fixture("urssaf_debit", "debitCorrompuTestData.csv"), "debitCorrompuTestData.csv");
        Assert.True(debit.GetProperty("linesRejected").GetInt64() > 0);
        var batch = debit.GetProperty("id").GetGuid();

        // Altares (formerly the shared "judiciaire" client) sees none of it.
        foreach (var path in new[] { "/urssaf/api/batches", $"/urssaf/api/batches/{batch}", $"/urssaf/api/batches/{batch}/rejects", $"/urssaf/api/batches/{batch}/rejects.csv", "/urssaf/api/pending-records" })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).As(Altares));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("Cd_pro_col", await response.Content.ReadAsStringAsync());
        }
        var refusals = await AuditAsync<UrssafDbContext>(urssaf.Services, AuditActions.BatchReadRefused);
        Assert.Equal(5, refusals.Count);
        Assert.All(refusals, a => Assert.Equal(("altares", AuditOutcomes.Refused), (a.Actor, a.Outcome)));

        // The delivering feed reads its rejects, and the read is traced; ops see the batch too.
        using var own = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/urssaf/api/batches/{batch}/rejects").As(Urssaf));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotEmpty((await own.Content.ReadFromJsonAsync<JsonElement[]>())!);
        var read = Assert.Single(await AuditAsync<UrssafDbContext>(urssaf.Services, AuditActions.RejectsRead));
        Assert.Equal(("urssaf", $"batch {batch} rejects"), (read.Actor, read.Resource));
        using var forOps = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/urssaf/api/batches").As(TestTokens.Operator()));
        Assert.Contains((await forOps.Content.ReadFromJsonAsync<JsonElement[]>())!, b => b.GetProperty("id").GetGuid() == batch);

        // One service, three providers: the Banque de France client cannot deliver a DGFiP file.
        using var dgfipByBdf = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/finance/api/files/dgfip?wait=true&fileName=dgfipTestData.csv")
            { Content = new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("dgfip", "dgfipTestData.csv"))) }.As(Bdf));
        Assert.Equal(HttpStatusCode.Forbidden, dgfipByBdf.StatusCode);
        Assert.Contains("ingest:dgfip", await dgfipByBdf.Content.ReadAsStringAsync());
        var pushRefused = Assert.Single(await AuditAsync<FinanceDbContext>(finance.Services, AuditActions.PushRefused));
        Assert.Equal(("bdf", "dgfip/dgfip"), (pushRefused.Actor, pushRefused.Resource));
        // Nor by recognising the file name instead of naming the kind.
        using var byName = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/finance/api/files?fileName=dgfipTestData.csv")
            { Content = new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("dgfip", "dgfipTestData.csv"))) }.As(Bdf));
        Assert.Equal(HttpStatusCode.Forbidden, byName.StatusCode);

        // Its own file passes; the DGFiP client does not see that batch, and lists only its own (none).
        var ratios = await DeliverAsync(client, Bdf, "/finance/api/files/bdf", Fixture("banque_de_france", "bdfTestData.csv"), "bdfTestData.csv");
        using var bdfBatchByDgfip = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/finance/api/batches/{ratios.GetProperty("id").GetGuid()}").As(Dgfip));
        Assert.Equal(HttpStatusCode.Forbidden, bdfBatchByDgfip.StatusCode);
        using var dgfipList = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/finance/api/batches").As(Dgfip));
        Assert.Empty((await dgfipList.Content.ReadFromJsonAsync<JsonElement[]>())!);
        using var bdfList = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/finance/api/batches").As(Bdf));
        Assert.Single((await bdfList.Content.ReadFromJsonAsync<JsonElement[]>())!);
    }

    private static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    private static async Task<JsonElement> DeliverAsync(HttpClient client, string token, string path, string file, string name)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{path}?wait=true&fileName={name}")
            { Content = new ByteArrayContent(await File.ReadAllBytesAsync(file)) }.As(token));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<List<AuditEntry>> AuditAsync<TDb>(IServiceProvider services, string action) where TDb : DbContext =>
        Db.QueryAsync<TDb, List<AuditEntry>>(services, db => db.Set<AuditEntry>().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
