using System.IO.Compression;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Features;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Features;

/// <summary>Every ingestion service and the feature service, running in-process on one environment.</summary>
internal sealed class LivePlatform : IAsyncDisposable
{
    private readonly List<(FileKindCatalog Catalog, WebApplicationFactoryClient Service)> _ingestion = [];
    private readonly IntegrationEnvironment _env;

    private LivePlatform(IntegrationEnvironment env, ServiceFactory<FeaturesService> features) => (_env, Features) = (env, features);

    public ServiceFactory<FeaturesService> Features { get; }

    public static Task<LivePlatform> StartAsync(IntegrationEnvironment env, Contracts.Identifiers.YearMonth from, Contracts.Identifiers.YearMonth to)
    {
        // The feature service first: its queues must exist before anything is published.
        var platform = new LivePlatform(env, Services.Features(env, "features", from.ToString(), to.ToString()));
        platform.Add<IngestionUrssafService, SignauxFaibles.Ingestion.Urssaf.Data.IngestionDbContext>(UrssafFileKinds.All, Services.Ingestion<IngestionUrssafService>(env, "urssaf", 500));
        platform.Add<IngestionDgefpService, SignauxFaibles.Ingestion.Dgefp.Data.IngestionDbContext>(DgefpFileKinds.All, Services.Ingestion<IngestionDgefpService>(env, "dgefp", 500));
        platform.Add<IngestionFinanceService, SignauxFaibles.Ingestion.Finance.Data.IngestionDbContext>(FinanceFileKinds.All, Services.Ingestion<IngestionFinanceService>(env, "finance", 500));
        platform.Add<IngestionJudiciaireService, SignauxFaibles.Ingestion.Judiciaire.Data.IngestionDbContext>(JudiciaireFileKinds.All, Services.Ingestion<IngestionJudiciaireService>(env, "judiciaire", 500));
        platform.Add<IngestionInseeService, SignauxFaibles.Ingestion.Insee.Data.IngestionDbContext>(InseeFileKinds.All, Services.IngestionInsee(env, "insee", 500));
        return Task.FromResult(platform);
    }

    private void Add<T, TDb>(IReadOnlyList<IFileKind> kinds, ServiceFactory<T> service)
        where T : class
        where TDb : DbContext =>
        _ingestion.Add((new FileKindCatalog(kinds), new WebApplicationFactoryClient(service, () => service.CreateClient(), service.Services,
            () => Db.QueryAsync<TDb, int>(service.Services, db => db.Set<OutboxMessage>().CountAsync()), service.DisposeAsync)));

    public sealed record Upload(string Name, byte[] Content, WebApplicationFactoryClient Service);

    /// <summary>Every source file of the folder, a quarter of them again gzipped (new bytes, same records), shuffled.</summary>
    public List<Upload> Plan(string folder, Random random)
    {
        var uploads = new List<Upload>();
        foreach (var path in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var service = _ingestion.FirstOrDefault(s => s.Catalog.Recognise(name) is not null).Service;
            if (service is null) continue;
            var content = File.ReadAllBytes(path);
            uploads.Add(new Upload(name, content, service));
            if (random.Next(4) == 0) uploads.Add(new Upload(name + ".gz", Gzip(content), service));
        }
        return [.. uploads.OrderBy(_ => random.Next())];
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(content);
        return buffer.ToArray();
    }

    /// <summary>Waits until every outbox is empty, the feature service's queues are drained and no company waits for recomputation.</summary>
    public async Task SettledAsync()
    {
        var stableSince = DateTime.UtcNow;
        var last = -1L;
        await Eventually.UntilAsync(async () =>
        {
            long pending = 0;
            foreach (var (_, service) in _ingestion) pending += await service.OutboxCount();
            foreach (var queue in FeatureQueues) pending += await _env.Management.QueueDepthAsync(_env.VirtualHost, queue);
            pending += await Db.QueryAsync<FeaturesDbContext, int>(Features.Services, db => db.DirtyCompanies.CountAsync());
            pending += await Db.QueryAsync<FeaturesDbContext, int>(Features.Services, db => db.Set<OutboxMessage>().CountAsync());
            var facts = await Db.QueryAsync<FeaturesDbContext, int>(Features.Services, db => db.Facts.CountAsync());
            if (pending > 0 || facts != last) (stableSince, last) = (DateTime.UtcNow, facts);
            return DateTime.UtcNow - stableSince;
        }, quiet => quiet > TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(5), "platform settled");
        foreach (var queue in FeatureQueues) Assert.Equal(0, await _env.Management.QueueDepthAsync(_env.VirtualHost, queue + "_error"));
    }

    private static readonly string[] FeatureQueues =
    [
        .. new[]
        {
            "ContributionDebtRecorded", "ContributionsDeclared", "PaymentPlanGranted", "CcsfPlanStepRecorded", "EstablishmentHeadcountReported",
            "CompanyHeadcountReported", "ShortTimeWorkRequested", "ShortTimeWorkConsumed", "FinancialStatementFiled", "SupplierPaymentDelayReported",
            "InsolvencyProceedingRecorded", "CompanyRegistered", "CompanyChanged", "EstablishmentRegistered", "EstablishmentChanged",
        }.Select(n => "features-" + MassTransit.KebabCaseEndpointNameFormatter.Instance.SanitizeName(n)),
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, service) in _ingestion) await service.DisposeAsync();
        await Features.DisposeAsync();
    }
}

/// <summary>An ingestion service seen through what the platform test needs of it, whatever its entry point.</summary>
internal sealed class WebApplicationFactoryClient(object factory, Func<HttpClient> createClient, IServiceProvider services, Func<Task<int>> outboxCount, Func<ValueTask> dispose)
{
    public object Factory { get; } = factory;
    public IServiceProvider Services { get; } = services;
    public HttpClient CreateClient() => createClient();
    public Task<int> OutboxCount() => outboxCount();
    public ValueTask DisposeAsync() => dispose();
}
