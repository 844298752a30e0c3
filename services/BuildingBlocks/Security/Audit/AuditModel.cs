using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.Security.Audit;

public static class AuditModel
{
    /// <summary>Adds the audit table to a service's model (then add a migration to that service).</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Institution).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.Resource).HasMaxLength(400);
            e.Property(a => a.Outcome).HasMaxLength(20);
            e.Property(a => a.Reason).HasMaxLength(1000);
            e.Property(a => a.CorrelationId).HasMaxLength(100);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Actor, a.At });
        });
        return modelBuilder;
    }
}
