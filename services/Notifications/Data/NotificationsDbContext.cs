using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Messaging;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Notifications.Inbox;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Territories;
using SignauxFaibles.Notifications.Webhooks;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<CompanyEstablishment> Establishments => Set<CompanyEstablishment>();
    public DbSet<CompanyProfile> Companies => Set<CompanyProfile>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<InstitutionWebhook> Webhooks => Set<InstitutionWebhook>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.Entity<Officer>(e =>
        {
            e.HasKey(o => o.Id);
            e.Property(o => o.Email).HasMaxLength(320);
            e.HasIndex(o => o.Email).IsUnique();
            e.Property(o => o.FirstName).HasMaxLength(100);
            e.Property(o => o.LastName).HasMaxLength(100);
            e.Property(o => o.Institution).HasMaxLength(50);
            e.Property(o => o.Function).HasMaxLength(200);
            e.Property(o => o.AccessLevel).HasMaxLength(1);
            e.Property(o => o.MailPreference).HasConversion<string>().HasMaxLength(40);
            // Zone lookups ask "does the officer's array overlap these codes": GIN indexes answer that.
            e.HasIndex(o => o.Departements).HasMethod("gin");
            e.HasIndex(o => o.Regions).HasMethod("gin");
            e.OwnsOne(o => o.Subscription, s =>
            {
                s.PrimitiveCollection(x => x.Levels).HasColumnName("subscribed_levels").ElementType().HasConversion<string>();
                s.Property(x => x.Worsening).HasColumnName("subscribed_worsening");
                s.Property(x => x.Improving).HasColumnName("subscribed_improving");
                s.Property(x => x.LeavingLists).HasColumnName("subscribed_leaving_lists");
                s.Property(x => x.Sectors).HasColumnName("subscribed_sectors");
                s.Property(x => x.SizeCategories).HasColumnName("subscribed_size_categories");
            });
            e.Navigation(o => o.Subscription).IsRequired();
        });
        modelBuilder.Entity<CompanyEstablishment>(e =>
        {
            e.HasKey(x => x.Siret);
            e.HasIndex(x => x.Siren);
            e.Property(x => x.Departement).HasMaxLength(3);
            e.Property(x => x.Region).HasMaxLength(2);
        });
        modelBuilder.Entity<CompanyProfile>(e =>
        {
            e.HasKey(x => x.Siren);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ActivityCode).HasMaxLength(10);
            e.Property(x => x.SizeCategory).HasMaxLength(10);
        });
        modelBuilder.Entity<Alert>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.ChangeKey).HasMaxLength(100);
            // The idempotency guarantee itself: one entry per officer per change. The change leads
            // because routing looks up a set of changes' existing entries, whoever their officers.
            e.HasIndex(a => new { a.ChangeKey, a.OfficerId }).IsUnique();
            e.HasIndex(a => new { a.OfficerId, a.CreatedAt });
            // Named: two indexes on the same column are two indexes only when each has its own name.
            e.HasIndex(a => a.OfficerId, "ix_alerts_unread").HasFilter("read_at IS NULL").HasDatabaseName("ix_alerts_unread");
            e.HasIndex(a => a.OfficerId, "ix_alerts_digest_pending").HasFilter("mail_plan = 'Digest' AND digested_at IS NULL")
                .HasDatabaseName("ix_alerts_digest_pending");
            e.Property(a => a.CompanyName).HasMaxLength(300);
            e.Property(a => a.PreviousLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.MailPlan).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.AcknowledgementComment).HasMaxLength(2000);
            e.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId);
        });
        modelBuilder.Entity<Delivery>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).UseIdentityAlwaysColumn();
            e.Property(d => d.Key).HasMaxLength(200);
            e.HasIndex(d => d.Key).IsUnique();
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Recipient).HasMaxLength(2000);
            e.Property(d => d.Subject).HasMaxLength(500);
            e.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_deliveries_due");
        });
        modelBuilder.Entity<InstitutionWebhook>(e =>
        {
            e.HasKey(w => w.Institution);
            e.Property(w => w.Institution).HasMaxLength(50);
            e.Property(w => w.Url).HasMaxLength(2000);
        });
    }
}
