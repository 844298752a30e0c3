using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.Ingestion.Changes;

public static class RecordFingerprintModel
{
    public const string Table = "record_fingerprints";

    /// <summary>
    /// Adds the fingerprint table to a service that has change-tracked kinds. Names are fixed here
    /// because <see cref="ChangeFilter"/> reaches the table with plain SQL.
    /// </summary>
    public static ModelBuilder AddRecordFingerprints(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RecordFingerprint>(e =>
        {
            e.ToTable(Table);
            e.HasKey(f => new { f.Scope, f.Key });
            e.Property(f => f.Scope).HasColumnName("scope").HasMaxLength(40);
            e.Property(f => f.Key).HasColumnName("key").HasMaxLength(120);
            e.Property(f => f.Fingerprint).HasColumnName("fingerprint");
            e.Property(f => f.BatchId).HasColumnName("batch_id");
        });
        return modelBuilder;
    }
}
