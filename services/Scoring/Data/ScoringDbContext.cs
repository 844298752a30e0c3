using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SignauxFaibles.Messaging;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Scoring.Rescoring;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Scoring.Search;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Zones;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Scoring.Data;

public sealed class ScoringDbContext(DbContextOptions<ScoringDbContext> options) : DbContext(options)
{
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<ModelActivation> Activations => Set<ModelActivation>();
    public DbSet<CompanyScore> Scores => Set<CompanyScore>();
    public DbSet<CompanyStanding> Standings => Set<CompanyStanding>();
    public DbSet<Names.CompanyName> CompanyNames => Set<Names.CompanyName>();
    public DbSet<IndicatorSnapshot> Snapshots => Set<IndicatorSnapshot>();
    public DbSet<IndicatorLayout> Layouts => Set<IndicatorLayout>();
    public DbSet<RescoreRun> RescoreRuns => Set<RescoreRun>();
    public DbSet<Lists.PublishedList> PublishedLists => Set<Lists.PublishedList>();
    public DbSet<Lists.PublishedListEntry> PublishedListEntries => Set<Lists.PublishedListEntry>();
    public DbSet<Verdicts.AlertVerdict> AlertVerdicts => Set<Verdicts.AlertVerdict>();
    public DbSet<Follows.OfficerFollow> OfficerFollows => Set<Follows.OfficerFollow>();
    public DbSet<Search.CompanySearchEntry> CompanySearch => Set<Search.CompanySearchEntry>();
    public DbSet<Search.EstablishmentCommune> EstablishmentCommunes => Set<Search.EstablishmentCommune>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.AddAuditLog();
        modelBuilder.AddKnownEstablishments();
        modelBuilder.AddCompanySearch();
        modelBuilder.Entity<Follows.OfficerFollow>(e =>
        {
            e.ToTable("officer_follows");
            e.HasKey(f => new { f.Officer, f.Siren });
            e.Property(f => f.Officer).HasMaxLength(320);
        });
        modelBuilder.Entity<ModelVersion>(e =>
        {
            e.HasKey(v => v.Id);
            e.HasIndex(v => v.Version).IsUnique();
            e.Property(v => v.Version).HasMaxLength(20);
            e.Property(v => v.Name).HasMaxLength(200);
            e.Property(v => v.Metrics).HasColumnType("jsonb");
            e.Property(v => v.ArtifactSha256).HasMaxLength(64);
            e.Property(v => v.TrainingFingerprint).HasMaxLength(80);
            e.Property(v => v.CodeVersion).HasMaxLength(100);
            // The registry's invariant, kept by the database: at most one active version.
            e.HasIndex(v => v.IsActive).IsUnique().HasFilter("is_active");
        });
        modelBuilder.Entity<ModelActivation>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Version).HasMaxLength(20);
            e.Property(a => a.Reason).HasMaxLength(20);
        });
        modelBuilder.Entity<CompanyScore>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.Siren, s.Month });
            e.Property(s => s.ModelVersion).HasMaxLength(20);
            e.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
            // json, not jsonb: the explanation is written with every score of every rescore and only
            // ever read back whole; json keeps the text as sent, jsonb would rebuild it into a tree.
            e.Property(s => s.TopFeatures).HasColumnType("json");
        });
        modelBuilder.Entity<Names.CompanyName>(e =>
        {
            e.HasKey(n => n.Siren);
            e.Property(n => n.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<CompanyStanding>(e =>
        {
            e.HasKey(s => s.Siren);
            e.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.PreviousLevel).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.ModelVersion).HasMaxLength(20);
            e.Property(s => s.NotScoredReason).HasMaxLength(40);
            e.Property(s => s.Departement).HasMaxLength(3);
            e.Property(s => s.Region).HasMaxLength(3);
            e.Property(s => s.NafSection).HasMaxLength(1);
            e.Property(s => s.NafCode).HasMaxLength(10);
            e.Property(s => s.SizeClass).HasMaxLength(10);
            e.Property(s => s.MainTheme).HasMaxLength(40);
            // The detection list reads the alerted companies of a zone.
            e.HasIndex(s => new { s.Level, s.Departement });
        });
        modelBuilder.Entity<IndicatorSnapshot>(e =>
        {
            e.HasKey(s => new { s.Siren, s.Month });
            e.Property(s => s.Values).HasColumnType("bytea").HasConversion(
                v => SnapshotValues.ToBytes(v), b => SnapshotValues.FromBytes(b),
                new ValueComparer<float[]>((a, b) => a!.SequenceEqual(b!), v => v.Length, v => v.ToArray()));
            e.Property(s => s.Layout).HasMaxLength(16);
            e.Property(s => s.Departement).HasMaxLength(3);
            e.Property(s => s.Region).HasMaxLength(3);
            e.Property(s => s.NafCode).HasMaxLength(10);
            e.Property(s => s.NafSection).HasMaxLength(1);
        });
        modelBuilder.Entity<IndicatorLayout>(e =>
        {
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).HasMaxLength(16);
        });
        modelBuilder.Entity<Lists.PublishedList>(e =>
        {
            e.HasKey(l => l.Month);
            e.Property(l => l.ModelVersion).HasMaxLength(20);
            e.Property(l => l.PublishedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Lists.PublishedListEntry>(e =>
        {
            e.HasKey(l => new { l.Month, l.Siren });
            e.Property(l => l.Level).HasConversion<string>().HasMaxLength(10);
            e.Property(l => l.ModelVersion).HasMaxLength(20);
            e.Property(l => l.MainTheme).HasMaxLength(40);
            e.Property(l => l.Departement).HasMaxLength(3);
            e.Property(l => l.Region).HasMaxLength(3);
            e.Property(l => l.NafSection).HasMaxLength(1);
            e.Property(l => l.TopFeatures).HasColumnType("json");
        });
        modelBuilder.Entity<Verdicts.AlertVerdict>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.Institution).HasMaxLength(50);
            e.Property(v => v.Level).HasConversion<string>().HasMaxLength(10);
            e.Property(v => v.ModelVersion).HasMaxLength(20);
            e.HasIndex(v => v.ModelVersion);
        });
        modelBuilder.Entity<RescoreRun>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.ModelVersion).HasMaxLength(20);
            e.Property(r => r.Reason).HasMaxLength(40);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Error).HasMaxLength(2000);
        });
    }
}
