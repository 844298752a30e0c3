using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Insee.Data;

public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : IngestionDbContextBase(options)
{
    public DbSet<RecordFingerprint> RecordFingerprints => Set<RecordFingerprint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddRecordFingerprints();
    }
}
