using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Urssaf.Comptes;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Urssaf.Data;

public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : IngestionDbContextBase(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AccountLink>(e =>
        {
            e.HasKey(l => l.RecordKey);
            e.Property(l => l.RecordKey).HasMaxLength(120);
            e.Property(l => l.AccountNumber).HasMaxLength(30);
            e.HasIndex(l => l.AccountNumber);
        });
        modelBuilder.Entity<PendingRecord>(e =>
        {
            e.Property(p => p.Id).UseIdentityAlwaysColumn();
            e.Property(p => p.FileKind).HasMaxLength(40);
            e.Property(p => p.FileName).HasMaxLength(400);
            e.Property(p => p.AccountNumber).HasMaxLength(30);
            e.Property(p => p.Body).HasColumnType("jsonb");
            e.HasIndex(p => p.AccountNumber);
        });
    }
}
