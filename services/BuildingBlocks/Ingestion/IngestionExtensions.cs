using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.ServiceDefaults.Pipeline;

namespace SignauxFaibles.Ingestion;

public static class IngestionExtensions
{
    /// <summary>
    /// Everything an <c>Ingestion.*</c> service is made of: service defaults (telemetry, health,
    /// OpenAPI), its database (migrated at start), the bus with the outbox relay, token validation
    /// with the audit log, and this block. Each kind's source names the feed (and scope,
    /// <c>ingest:{feed}</c>) an institution needs to deliver it: <see cref="FileKinds.SourceFeeds"/>.
    /// </summary>
    /// <param name="service">The service's name (<c>ingestion-urssaf</c>…): its broker user and endpoint prefix.</param>
    public static IHostApplicationBuilder AddIngestionService<TDbContext>(this IHostApplicationBuilder builder, string service, IEnumerable<IFileKind> kinds)
        where TDbContext : DbContext
    {
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<TDbContext>();
        builder.AddServiceBus<TDbContext>(service);
        builder.AddServiceAuthentication();
        builder.AddAuditLog<TDbContext>();
        return builder.AddIngestion<TDbContext>(kinds);
    }

    /// <summary>Health, metrics and OpenAPI endpoints plus the upload, push and batch endpoints.</summary>
    public static WebApplication MapIngestionService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.UseServiceAuthentication();
        app.MapIngestionEndpoints();
        app.MapAuditEndpoints();
        return app;
    }

    /// <summary>The ingestion building block for a service whose DbContext holds the ledger and the outbox.</summary>
    public static IHostApplicationBuilder AddIngestion<TDbContext>(this IHostApplicationBuilder builder, IEnumerable<IFileKind> kinds)
        where TDbContext : DbContext
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        builder.Services.AddSingleton(new FileKindCatalog(kinds));
        builder.Services.AddSingleton<FeedAccess>();
        builder.Services.AddSingleton<RawFileStore>();
        builder.Services.AddScoped<IBatchIngestor, BatchIngestor<TDbContext>>();
        builder.Services.AddScoped<ArchiveUpload>();
        builder.Services.AddScoped<BatchProgress<TDbContext>>();
        builder.Services.AddSingleton<BatchQueue>();
        builder.Services.AddHostedService<BatchProcessor<TDbContext>>();
        builder.Services.AddHostedService<BatchCompletionWatcher<TDbContext>>();
        builder.Services.AddScoped(sp => new IngestionDb(sp.GetRequiredService<TDbContext>()));
        builder.Services.AddPipelineStage<TDbContext>("ingestion", (db, now, ct) => PipelineStageExtensions.MeasureAsync(
            db.Set<Batch>().Where(b => b.Status == BatchStatus.Received || b.Status == BatchStatus.Parsing), b => b.ReceivedAt, now, ct));
        return builder;
    }
}
