using MassTransit;
using SignauxFaibles.Contracts.Notifications;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Messaging;

namespace SignauxFaibles.Identity.Officers;

/// <summary>
/// Keeps the officers' copy in step with the notification service's directory. Idempotent
/// without an inbox: an older state never overwrites a newer one.
/// </summary>
public sealed class OfficerDirectoryConsumer(IdentityDbContext db) : IConsumer<OfficerDirectoryChanged>
{
    public async Task Consume(ConsumeContext<OfficerDirectoryChanged> context)
    {
        var change = context.Message;
        var email = change.Email.ToLowerInvariant();
        var officer = await db.Officers.FindAsync([email], context.CancellationToken);
        if (officer is null)
        {
            officer = new DirectoryOfficer { Email = email, Name = "", Institution = "" };
            db.Officers.Add(officer);
        }
        else if (officer.ChangedAt > change.ChangedAt)
        {
            return;
        }
        officer.OfficerId = change.OfficerId;
        officer.Name = $"{change.FirstName} {change.LastName}".Trim();
        officer.Institution = change.Institution;
        officer.Rights = [.. change.Rights];
        officer.National = change.National;
        officer.Departements = [.. change.Departements];
        officer.Regions = [.. change.Regions];
        officer.Active = change.Active;
        officer.Roles = [.. change.Roles ?? []];
        officer.ChangedAt = change.ChangedAt;
        // A race on a new officer fails one insert on the key; its retry finds the row.
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class OfficerDirectoryConsumerDefinition : RetryingConsumerDefinition<OfficerDirectoryConsumer>;
