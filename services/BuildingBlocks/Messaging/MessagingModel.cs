using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Messaging;

public static class MessagingModel
{
    public const string Schema = "messaging";

    /// <summary>Adds the outbox and inbox tables to a service's own model (and so to its migrations).</summary>
    public static ModelBuilder AddTransactionalMessaging(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages", Schema);
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).UseIdentityAlwaysColumn();
            e.Property(m => m.MessageType).HasMaxLength(300);
            // json, not jsonb: stored and read back as text, without jsonb's costly conversion of large chunks.
            e.Property(m => m.Body).HasColumnType("json");
            e.Property(m => m.PartitionKey).HasMaxLength(100);
            e.Property(m => m.TraceParent).HasMaxLength(100);
            e.Property(m => m.Group).HasMaxLength(100);
            e.HasIndex(m => m.Group);
            e.HasIndex(m => m.MessageId).IsUnique();
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages", Schema);
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.HasIndex(m => m.HandledAt);
        });
        return modelBuilder;
    }
}
