using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Notifications;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Notifications.Data;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>
/// Announces every officer added or changed in this unit of work (OfficerDirectoryChanged, through
/// the outbox, so the announcement leaves if and only if the change is saved): the identity service
/// keeps its copy of the directory from these. Call just before SaveChanges.
/// </summary>
public sealed class OfficerDirectoryAnnouncer(NotificationsDbContext db, IOutbox outbox, TimeProvider clock)
{
    public int AnnounceChanges()
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<Officer>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var now = clock.GetUtcNow();
        foreach (var officer in changed)
        {
            outbox.Publish(Of(officer, now), partitionKey: officer.Email);
        }
        return changed.Count;
    }

    public static OfficerDirectoryChanged Of(Officer officer, DateTimeOffset now) => new(
        officer.Id,
        officer.Email,
        officer.FirstName,
        officer.LastName,
        officer.Institution,
        // Level B officers see public data only, whatever rights a line may still carry.
        officer.AccessLevel == "A" ? RightNames(officer.Rights) : [],
        officer.National,
        officer.Departements,
        officer.Regions,
        officer.Active,
        now,
        officer.Operator ? [Security.Authentication.SfClaims.OpsScope] : []);

    private static List<string> RightNames(OfficerRights rights) =>
        Enum.GetValues<OfficerRights>().Where(r => r != OfficerRights.None && rights.HasFlag(r)).Select(r => r.ToString().ToLowerInvariant()).ToList();
}
