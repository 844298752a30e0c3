using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Urssaf.Batches;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Urssaf.Data;

public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : DbContext(options)
{
    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<BatchReject> BatchRejects => Set<BatchReject>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.Entity<Batch>(e =>
        {
            e.Property(b => b.Source).HasConversion<string>().HasMaxLength(30);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.FileKind).HasMaxLength(40);
            e.Property(b => b.FileName).HasMaxLength(400);
            e.Property(b => b.ContentSha256).HasMaxLength(64);
            // Same content, same kind: the original batch answers, nothing is published twice.
            e.HasIndex(b => new { b.FileKind, b.ContentSha256 }).IsUnique();
            e.HasMany(b => b.Rejects).WithOne().HasForeignKey(r => r.BatchId);
        });
        modelBuilder.Entity<BatchReject>(e =>
        {
            e.Property(r => r.Id).UseIdentityAlwaysColumn();
            e.HasIndex(r => new { r.BatchId, r.Line });
        });
    }
}
