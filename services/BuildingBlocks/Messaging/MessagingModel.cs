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
            // UTF-8 JSON as bytes: stored without the server parsing it (json/jsonb validate every byte of
            // large chunks), and compressed with lz4, several times faster than PostgreSQL's default pglz.
            // Read it with convert_from(body, 'UTF8').
            e.Property(m => m.Body).HasColumnType("bytea").UseCompressionMethod("lz4");
            e.Property(m => m.PartitionKey).HasMaxLength(100);
            e.Property(m => m.TraceParent).HasMaxLength(100);
            e.Property(m => m.Group).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorLength);
            // The relay reads the rows still to publish in id order: parked rows stay out of that index.
            e.HasIndex(m => m.Id).HasFilter("parked_at IS NULL").HasDatabaseName("ix_outbox_messages_unparked");
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
