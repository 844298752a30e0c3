using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Intake;

namespace SignauxFaibles.Ingestion;

public static class IngestionExtensions
{
    /// <summary>The ingestion building block for a service whose DbContext holds the ledger and the outbox.</summary>
    public static IHostApplicationBuilder AddIngestion<TDbContext>(this IHostApplicationBuilder builder, IEnumerable<IFileKind> kinds)
        where TDbContext : DbContext
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        builder.Services.AddSingleton(new FileKindCatalog(kinds));
        builder.Services.AddSingleton<RawFileStore>();
        builder.Services.AddScoped<IBatchIngestor, BatchIngestor<TDbContext>>();
        builder.Services.AddScoped<BatchProgress<TDbContext>>();
        builder.Services.AddSingleton<BatchQueue>();
        builder.Services.AddHostedService<BatchProcessor<TDbContext>>();
        builder.Services.AddHostedService<BatchCompletionWatcher<TDbContext>>();
        builder.Services.AddScoped(sp => new IngestionDb(sp.GetRequiredService<TDbContext>()));
        return builder;
    }
}
