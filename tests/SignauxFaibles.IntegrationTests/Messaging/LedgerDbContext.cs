using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Messaging;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.IntegrationTests.Messaging;

public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<LedgerAccount> Accounts => Set<LedgerAccount>();

    public DbSet<ReceivedItem> ReceivedItems => Set<ReceivedItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.Entity<LedgerAccount>(e =>
        {
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Version).IsRowVersion();
        });
        modelBuilder.Entity<ReceivedItem>(e => e.Property(i => i.Id).UseIdentityAlwaysColumn());
    }
}

internal sealed class LedgerDesignTimeFactory : DesignTimeDbContextFactory<LedgerDbContext>;
