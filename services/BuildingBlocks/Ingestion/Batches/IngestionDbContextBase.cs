using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Messaging;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Batches;

/// <summary>
/// What every ingestion service's own database holds: the batch ledger, its rejects, the outbox and
/// the inbox, and the audit log of refused pushes. A service derives its DbContext from this (one per database, for its migrations) and
/// adds its own tables in <see cref="OnModelCreating"/>.
/// </summary>
public abstract class IngestionDbContextBase(DbContextOptions options) : DbContext(options)
{
    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<BatchReject> BatchRejects => Set<BatchReject>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.AddIngestionLedger();
        modelBuilder.AddAuditLog();
    }
}
