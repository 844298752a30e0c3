using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Insee.Data;

public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : DbContext(options)
{
    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<BatchReject> BatchRejects => Set<BatchReject>();

    public DbSet<RecordFingerprint> RecordFingerprints => Set<RecordFingerprint>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.AddIngestionLedger();
        modelBuilder.AddRecordFingerprints();
    }
}
