using Microsoft.Extensions.Options;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Identity.Server;

namespace SignauxFaibles.Identity.Officers;

/// <summary>
/// Writes the development officers of configuration into the officers' copy at start-up (only
/// registered in Development), so a developer can sign in before any roster import.
/// </summary>
public sealed class DevelopmentOfficerSeeder(IServiceScopeFactory scopes, IOptions<IssuerOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        foreach (var seed in options.Value.DevelopmentOfficers)
        {
            var email = seed.Email.Trim().ToLowerInvariant();
            var officer = await db.Officers.FindAsync([email], cancellationToken);
            if (officer is null) db.Officers.Add(officer = new DirectoryOfficer { Email = email, Name = "", Institution = "" });
            officer.Name = seed.Name;
            officer.Institution = seed.Institution;
            officer.Rights = [.. seed.Rights];
            officer.National = seed.National;
            officer.Departements = [.. seed.Departements];
            officer.Regions = [.. seed.Regions];
            officer.Roles = [.. seed.Roles];
            officer.Active = true;
            officer.ChangedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
