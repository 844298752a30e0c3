using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Identity.Officers;
using SignauxFaibles.Messaging;

namespace SignauxFaibles.Identity.Data;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, the officers' copy, the outbox and inbox.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<DirectoryOfficer> Officers => Set<DirectoryOfficer>();
    public DbSet<Terms.TermsAcknowledgement> TermsAcknowledgements => Set<Terms.TermsAcknowledgement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.AddTransactionalMessaging();
        modelBuilder.Entity<DirectoryOfficer>(e =>
        {
            e.ToTable("officers");
            e.HasKey(o => o.Email);
            e.Property(o => o.Email).HasMaxLength(320);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Institution).HasMaxLength(100);
        });
        modelBuilder.Entity<Terms.TermsAcknowledgement>(e =>
        {
            e.ToTable("terms_acknowledgements");
            e.HasKey(a => a.Email);
            e.Property(a => a.Email).HasMaxLength(320);
        });
    }
}

internal sealed class IdentityDesignTimeFactory : SignauxFaibles.ServiceDefaults.Persistence.DesignTimeDbContextFactory<IdentityDbContext>;
