using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Features.ContributionDebt;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Features.Data;

public sealed class FeaturesDbContext(DbContextOptions<FeaturesDbContext> options) : DbContext(options)
{
    public DbSet<DebtStep> DebtSteps => Set<DebtStep>();
    public DbSet<CompanyDebtMonth> CompanyDebtMonths => Set<CompanyDebtMonth>();
    public DbSet<Company> Companies => Set<Company>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddIdentifierConversions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.Entity<DebtStep>(e =>
        {
            e.HasKey(s => s.RecordKey);
            e.Property(s => s.RecordKey).HasMaxLength(200);
            e.Property(s => s.AccountNumber).HasMaxLength(30);
            e.Property(s => s.DebtLineNumber).HasMaxLength(20);
            e.Property(s => s.EmployeeShare).HasPrecision(18, 2);
            e.Property(s => s.EmployerShare).HasPrecision(18, 2);
            e.HasIndex(s => s.Siren);
        });
        modelBuilder.Entity<CompanyDebtMonth>(e =>
        {
            e.HasKey(m => new { m.Siren, m.Month });
            e.Property(m => m.EmployeeShare).HasPrecision(18, 2);
            e.Property(m => m.EmployerShare).HasPrecision(18, 2);
        });
        modelBuilder.Entity<Company>(e =>
        {
            e.HasKey(c => c.Siren);
            e.Property(c => c.Version).IsRowVersion();
        });
    }
}
