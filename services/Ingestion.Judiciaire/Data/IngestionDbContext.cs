using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Judiciaire.Data;

/// <summary>The service's own database: batch ledger, rejects, outbox and inbox; Altares and Ellisphère facts are published, not kept.</summary>
public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : DbContext(options)
{
    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<BatchReject> BatchRejects => Set<BatchReject>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.AddIngestionLedger();
    }
}
