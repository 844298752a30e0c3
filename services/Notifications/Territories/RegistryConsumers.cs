using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Notifications.Data;

namespace SignauxFaibles.Notifications.Territories;

/// <summary>New establishments: where they are decides which officers hear about their company.</summary>
public sealed class EstablishmentRegisteredConsumer(NotificationsDbContext db, EstablishmentLocations locations)
    : IdempotentConsumer<EstablishmentRegistered, NotificationsDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentRegistered> context, CancellationToken ct) =>
        locations.ApplyAsync(context.Message.Records, ct);
}

/// <summary>Moved or closed establishments.</summary>
public sealed class EstablishmentChangedConsumer(NotificationsDbContext db, EstablishmentLocations locations)
    : IdempotentConsumer<EstablishmentChanged, NotificationsDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentChanged> context, CancellationToken ct) =>
        locations.ApplyAsync(context.Message.Records, ct);
}

public sealed class CompanyRegisteredConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<CompanyRegistered, NotificationsDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<CompanyRegistered> context, CancellationToken ct) =>
        CompanyProfiles.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

public sealed class CompanyChangedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<CompanyChanged, NotificationsDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<CompanyChanged> context, CancellationToken ct) =>
        CompanyProfiles.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

public static class CompanyProfiles
{
    public static async Task ApplyAsync(NotificationsDbContext db, IReadOnlyList<CompanyRegistration> records, DateTimeOffset now, CancellationToken ct)
    {
        var latest = records.GroupBy(r => r.Siren).Select(g => g.Last()).ToList();
        var sirens = latest.Select(r => r.Siren).ToList();
        var known = await db.Companies.Where(c => sirens.Contains(c.Siren)).ToDictionaryAsync(c => c.Siren, ct);
        foreach (var record in latest)
        {
            if (!known.TryGetValue(record.Siren, out var company))
            {
                company = new CompanyProfile { Siren = record.Siren };
                db.Companies.Add(company);
            }
            company.Name = NameOf(record);
            company.ActivityCode = record.ActivityCode;
            company.SizeCategory = record.SizeCategory;
            company.UpdatedAt = now;
        }
    }

    // A sole trader has no dénomination: the person's name is the company's.
    private static string? NameOf(CompanyRegistration r) =>
        r.Name ?? (r.LastName is null ? null : string.Join(' ', new[] { r.FirstName, r.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))));
}

public sealed class EstablishmentRegisteredConsumerDefinition : RetryingConsumerDefinition<EstablishmentRegisteredConsumer>;

public sealed class EstablishmentChangedConsumerDefinition : RetryingConsumerDefinition<EstablishmentChangedConsumer>;

public sealed class CompanyRegisteredConsumerDefinition : RetryingConsumerDefinition<CompanyRegisteredConsumer>;

public sealed class CompanyChangedConsumerDefinition : RetryingConsumerDefinition<CompanyChangedConsumer>;
