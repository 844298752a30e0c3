using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.Security.Zones;

/// <summary>New establishments: a secondary plant puts its company in that département's zone.</summary>
public sealed class EstablishmentRegisteredPlacesConsumer<TDbContext>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<EstablishmentRegistered, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentRegistered> context, CancellationToken ct) =>
        KnownEstablishments.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

/// <summary>Moved or closed establishments: a closed one stops placing its company.</summary>
public sealed class EstablishmentChangedPlacesConsumer<TDbContext>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<EstablishmentChanged, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentChanged> context, CancellationToken ct) =>
        KnownEstablishments.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

public static class KnownEstablishmentsRegistration
{
    /// <summary>
    /// Keeps the service's <c>known_establishments</c> from Sirene (its DbContext must call
    /// <see cref="KnownEstablishments.AddKnownEstablishments"/>), on queues named after the service.
    /// </summary>
    public static IBusRegistrationConfigurator AddKnownEstablishments<TDbContext>(this IBusRegistrationConfigurator bus, string service)
        where TDbContext : DbContext
    {
        bus.AddConsumer<EstablishmentRegisteredPlacesConsumer<TDbContext>, RetryingConsumerDefinition<EstablishmentRegisteredPlacesConsumer<TDbContext>>>()
            .Endpoint(e => e.Name = $"{service}-establishment-places-registered");
        bus.AddConsumer<EstablishmentChangedPlacesConsumer<TDbContext>, RetryingConsumerDefinition<EstablishmentChangedPlacesConsumer<TDbContext>>>()
            .Endpoint(e => e.Name = $"{service}-establishment-places-changed");
        return bus;
    }
}
