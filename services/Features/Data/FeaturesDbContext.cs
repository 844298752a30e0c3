using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Features.Access;
using SignauxFaibles.Features.Facts;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Messaging;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Zones;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Features.Data;

public sealed class FeaturesDbContext(DbContextOptions<FeaturesDbContext> options) : DbContext(options)
{
    public DbSet<StoredFact> Facts => Set<StoredFact>();
    public DbSet<StoredPanelSeries> PanelSeries => Set<StoredPanelSeries>();
    public DbSet<DirtyCompany> DirtyCompanies => Set<DirtyCompany>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<PanelState> PanelStates => Set<PanelState>();
    public DbSet<ListedCompany> ListedCompanies => Set<ListedCompany>();
    public DbSet<FollowedCompany> FollowedCompanies => Set<FollowedCompany>();
    public DbSet<FollowNote> FollowNotes => Set<FollowNote>();
    public DbSet<FollowPeriod> FollowPeriods => Set<FollowPeriod>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.AddKnownEstablishments();
        modelBuilder.AddAuditLog();
        modelBuilder.Entity<ListedCompany>(e =>
        {
            e.ToTable("listed_companies");
            e.HasKey(l => l.Siren);
            e.Property(l => l.Siren).HasColumnName("siren").HasMaxLength(9);
            e.Property(l => l.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.ChangedAt).HasColumnName("changed_at");
        });
        modelBuilder.Entity<FollowPeriod>(e =>
        {
            e.ToTable("follow_periods");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).UseIdentityAlwaysColumn();
            e.Property(f => f.Officer).HasMaxLength(200);
            e.Property(f => f.Siren).HasMaxLength(9);
            e.Property(f => f.Reason).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Comment).HasMaxLength(1000);
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(f => new { f.Siren, f.Until });
            e.HasIndex(f => new { f.Officer, f.Until });
        });
        modelBuilder.Entity<FollowedCompany>(e =>
        {
            e.ToTable("followed_companies");
            e.HasKey(f => new { f.Officer, f.Siren });
            e.Property(f => f.Officer).HasColumnName("officer").HasMaxLength(200);
            e.Property(f => f.Siren).HasColumnName("siren").HasMaxLength(9);
            e.Property(f => f.Reason).HasColumnName("reason").HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Comment).HasColumnName("comment").HasMaxLength(1000);
            e.Property(f => f.Since).HasColumnName("since");
            e.Property(f => f.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Useful).HasColumnName("useful");
            e.Property(f => f.VerdictReason).HasColumnName("verdict_reason").HasMaxLength(1000);
            e.Property(f => f.VerdictAt).HasColumnName("verdict_at");
        });
        modelBuilder.Entity<FollowNote>(e =>
        {
            e.ToTable("follow_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasColumnName("id");
            e.Property(n => n.Officer).HasColumnName("officer").HasMaxLength(200);
            e.Property(n => n.Siren).HasColumnName("siren").HasMaxLength(9);
            e.Property(n => n.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Text).HasColumnName("text").HasMaxLength(2000);
            e.Property(n => n.At).HasColumnName("at");
            e.HasIndex(n => new { n.Officer, n.Siren });
        });
        modelBuilder.Entity<StoredFact>(e =>
        {
            e.ToTable("facts");
            e.HasKey(f => new { f.Siren, f.Kind, f.RecordKey });
            e.Property(f => f.Siren).HasColumnName("siren").HasMaxLength(9);
            e.Property(f => f.Kind).HasColumnName("kind");
            e.Property(f => f.RecordKey).HasColumnName("record_key").HasMaxLength(200);
            e.Property(f => f.Payload).HasColumnName("payload");
            // Rows stored before knowledge time was recorded take the migration's time: the best known.
            e.Property(f => f.KnownAt).HasColumnName("known_at").HasDefaultValueSql("now()");
        });
        modelBuilder.Entity<StoredPanelSeries>(e =>
        {
            e.ToTable("panel_series");
            e.HasKey(m => new { m.Siren, m.Siret });
            e.Property(m => m.Siren).HasColumnName("siren").HasMaxLength(9);
            e.Property(m => m.Siret).HasColumnName("siret").HasMaxLength(14);
            e.Property(m => m.Months).HasColumnName("months");
        });
        modelBuilder.Entity<DirtyCompany>(e =>
        {
            e.ToTable("dirty_companies");
            e.HasKey(d => d.Siren);
            e.Property(d => d.Siren).HasColumnName("siren").HasMaxLength(9);
            e.Property(d => d.MarkedAt).HasColumnName("marked_at");
            e.Property(d => d.Mark).HasColumnName("mark");
            e.Property(d => d.ClaimedUntil).HasColumnName("claimed_until");
            e.Property(d => d.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
        });
        modelBuilder.Entity<Company>(e =>
        {
            e.ToTable("companies");
            e.HasKey(c => c.Siren);
            e.Property(c => c.Siren).HasColumnName("siren");
            e.Property(c => c.Revision).HasColumnName("revision");
            e.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            e.Property(c => c.Version).IsRowVersion();
        });
        modelBuilder.Entity<PanelState>(e =>
        {
            e.ToTable("panel_state");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasColumnName("name").HasMaxLength(50);
            e.Property(s => s.Value).HasColumnName("value").HasMaxLength(200);
        });
    }
}
