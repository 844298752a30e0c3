using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Features;

/// <summary>
/// What the feature service announces, seen by a downstream consumer over the real broker:
/// nothing when a redelivery changes no fact, and for a late debt step exactly its company and
/// the months from the one the step counts for (the latest twelve changed months at most).
/// </summary>
public sealed class IndicatorUpdatesTests
{
    private const string Header = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours";

    private static string Step(string siren, int history, string processed, long employeeCents, long employerCents) =>
        string.Join(';', "116", "75", "11" + siren + "0000000", siren, siren + "00017", "20100101", "1", "0", "201911",
            "1", history.ToString(System.Globalization.CultureInfo.InvariantCulture), processed, employeeCents, employerCents, "1", "2", "0");

    [Fact]
    public async Task Only_changed_companies_and_months_are_announced()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var received = new ConcurrentQueue<CompanyIndicators>();
        using var downstream = await StartDownstreamAsync(env, received);
        await using var features = Services.Features(env, "features", "2019-01", "2020-12");
        await using var ingestion = Services.IngestionUrssaf(env, "ingestion");
        var client = ingestion.CreateClient();

        // Two companies in debt from February 2020 (processed on the 10th).
        var first = Header + "\n" + Step("100000000", 1, "1200210", 10_000, 20_000) + "\n" + Step("100007919", 1, "1200210", 5_000, 5_000) + "\n";
        await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(first), "debits_1.csv");
        await SettledAsync(env, features, ingestion);
        Assert.Equal(0, await env.Management.QueueDepthAsync(env.VirtualHost, "indicators-collector_error"));
        Assert.Equal(2, await Db.QueryAsync<FeaturesDbContext, int>(features.Services, db => db.Facts.CountAsync()));
        Assert.Equal(96, await Db.QueryAsync<FeaturesDbContext, int>(features.Services, async db => (await PanelStore.MonthsAsync(db, null, default)).Count));
        Assert.Equal(2, await Db.QueryAsync<FeaturesDbContext, long>(features.Services, db => db.Companies.SumAsync(c => c.Revision)));
        Assert.Equal(["100000000", "100007919"], received.Select(c => c.Siren.Value).Distinct().Order());
        var a = received.Last(c => c.Siren.Value == "100000000");
        // Every month of the panel is new: the latest twelve are carried (Panel:AnnouncedMonths), the event says from when it changed.
        Assert.Equal(YearMonth.Range(new YearMonth(2020, 1), new YearMonth(2020, 12)), a.Months.Select(m => m.Month));
        Assert.Equal(new YearMonth(2019, 1), a.ChangedFrom);
        Assert.Equal(100, a.Months.Single(m => m.Month == new YearMonth(2020, 2)).Values["montant_part_ouvriere"]);
        Assert.False(a.Months.Single(m => m.Month == new YearMonth(2020, 1)).Values.ContainsKey("montant_part_ouvriere"));

        // The same records again (new bytes: gzipped): no fact changes, nothing is announced, and
        // the facts keep the day they became known.
        var knownAt = await KnownAtAsync(features);
        received.Clear();
        await UploadAsync(client, Gzip(first), "debits_1.csv.gz");
        await SettledAsync(env, features, ingestion);
        Assert.Empty(received);
        Assert.Equal(knownAt, await KnownAtAsync(features));

        // Recomputing everything (as after a definition change) with unchanged definitions changes nothing either.
        var recompute = await features.CreateClient().PostAsync("/api/panel/recompute", null);
        Assert.Equal(HttpStatusCode.Accepted, recompute.StatusCode);
        Assert.Contains("\"marked\":2", await recompute.Content.ReadAsStringAsync());
        await SettledAsync(env, features, ingestion);
        Assert.Empty(received);

        // A later step of A's debt line, processed on 25 June: it counts from July, so July–December change.
        await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(Header + "\n" + Step("100000000", 2, "1200625", 0, 0) + "\n"), "debits_2.csv");
        await SettledAsync(env, features, ingestion);
        var update = Assert.Single(received);
        Assert.Equal("100000000", update.Siren.Value);
        Assert.Equal(a.Revision + 1, update.Revision);
        Assert.Equal(YearMonth.Range(new YearMonth(2020, 7), new YearMonth(2020, 12)), update.Months.Select(m => m.Month));
        Assert.Equal(new YearMonth(2020, 7), update.ChangedFrom);
        Assert.Equal(0, update.Months[0].Values["montant_part_ouvriere"]);
        Assert.Equal(100, update.Months[0].Values["montant_part_ouvriere_past_1"]);

        // A correction of B's step (same key, other amounts) becomes known anew; A's facts keep their day.
        await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(Header + "\n" + Step("100007919", 1, "1200210", 5_000, 9_000) + "\n"), "debits_3.csv");
        await SettledAsync(env, features, ingestion);
        var after = await KnownAtAsync(features);
        Assert.True(after[("100007919", 1)] > knownAt[("100007919", 1)], "the corrected fact is known anew");
        Assert.Equal(knownAt[("100000000", 1)], after[("100000000", 1)]);
    }

    /// <summary>When each stored débit step (company, history number) became known.</summary>
    private static Task<Dictionary<(string Siren, int History), DateTimeOffset>> KnownAtAsync(ServiceFactory<SignauxFaibles.Features.FeaturesService> features) =>
        Db.QueryAsync<FeaturesDbContext, Dictionary<(string, int), DateTimeOffset>>(features.Services, async db =>
            (await db.Facts.AsNoTracking().Select(f => new { f.Siren, f.RecordKey, f.KnownAt }).ToListAsync())
                .ToDictionary(f => (f.Siren, int.Parse(f.RecordKey[(f.RecordKey.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)), f => f.KnownAt));

    private static async Task UploadAsync(HttpClient client, byte[] content, string name)
    {
        var response = await client.PostAsync($"/api/files/urssaf-debit?wait=true&fileName={name}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    /// <summary>
    /// Both outboxes empty, the queues drained, no company waiting, for six seconds running — longer
    /// than the broker's statistics interval (5 s), so a message in flight cannot go unseen.
    /// </summary>
    private static async Task SettledAsync(IntegrationEnvironment env, ServiceFactory<SignauxFaibles.Features.FeaturesService> features, ServiceFactory<SignauxFaibles.Ingestion.Urssaf.IngestionUrssafService> ingestion)
    {
        var quietSince = DateTime.UtcNow;
        await Eventually.UntilAsync(async () =>
        {
            var pending = await Db.QueryAsync<SignauxFaibles.Ingestion.Urssaf.Data.IngestionDbContext, int>(ingestion.Services, db => db.Set<OutboxMessage>().CountAsync())
                + await env.Management.QueueDepthAsync(env.VirtualHost, "features-contribution-debt-recorded")
                + await Db.QueryAsync<FeaturesDbContext, int>(features.Services, db => db.DirtyCompanies.CountAsync())
                + await Db.QueryAsync<FeaturesDbContext, int>(features.Services, db => db.Set<OutboxMessage>().CountAsync())
                + await env.Management.QueueDepthAsync(env.VirtualHost, "indicators-collector");
            if (pending > 0) quietSince = DateTime.UtcNow;
            return DateTime.UtcNow - quietSince;
        }, quiet => quiet > TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(90), "settled");
    }

    private static Task<IHost> StartDownstreamAsync(IntegrationEnvironment env, ConcurrentQueue<CompanyIndicators> received) =>
        DownstreamBus.StartAsync(env, (bus, services) =>
        {
            services.AddSingleton(received);
            bus.AddConsumer<IndicatorsCollector>().Endpoint(e => e.Name = "indicators-collector");
        });

    private sealed class IndicatorsCollector(ConcurrentQueue<CompanyIndicators> received) : IConsumer<CompanyIndicatorsUpdated>
    {
        public Task Consume(ConsumeContext<CompanyIndicatorsUpdated> context)
        {
            foreach (var company in context.Message.Companies) received.Enqueue(company);
            return Task.CompletedTask;
        }
    }
}
