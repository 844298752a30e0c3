using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.IntegrationTests.Messaging;

public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<LedgerAccount> Accounts => Set<LedgerAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.Entity<LedgerAccount>(e =>
        {
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Version).IsRowVersion();
        });
    }
}

internal sealed class LedgerDesignTimeFactory : DesignTimeDbContextFactory<LedgerDbContext>;
