using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.Ingestion.Batches;

public static class IngestionLedgerModel
{
    /// <summary>Adds the batch ledger and its rejects to an ingestion service's own model.</summary>
    public static ModelBuilder AddIngestionLedger(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Batch>(e =>
        {
            e.Property(b => b.Source).HasConversion<string>().HasMaxLength(30);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.FileKind).HasMaxLength(40);
            e.Property(b => b.FileName).HasMaxLength(400);
            e.Property(b => b.ContentSha256).HasMaxLength(64);
            e.Property(b => b.Encoding).HasMaxLength(40);
            // Same content, same kind: the original batch answers, nothing is published twice —
            // unless it failed: the same bytes may then be delivered again as a new batch.
            e.HasIndex(b => new { b.FileKind, b.ContentSha256 }).IsUnique().HasFilter("status <> 'Failed'");
            e.HasMany(b => b.Rejects).WithOne().HasForeignKey(r => r.BatchId);
        });
        modelBuilder.Entity<BatchReject>(e =>
        {
            e.Property(r => r.Id).UseIdentityAlwaysColumn();
            e.HasIndex(r => new { r.BatchId, r.Line });
        });
        return modelBuilder;
    }
}
