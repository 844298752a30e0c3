using MassTransit;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Security.Zones;

namespace SignauxFaibles.Features.Access;

/// <summary>New establishments: a secondary plant puts its company in that département's zone.</summary>
public sealed class EstablishmentRegisteredPlacesConsumer(FeaturesDbContext db, TimeProvider clock)
    : IdempotentConsumer<EstablishmentRegistered, FeaturesDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentRegistered> context, CancellationToken ct) =>
        KnownEstablishments.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

/// <summary>Moved or closed establishments: a closed one stops placing its company.</summary>
public sealed class EstablishmentChangedPlacesConsumer(FeaturesDbContext db, TimeProvider clock)
    : IdempotentConsumer<EstablishmentChanged, FeaturesDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentChanged> context, CancellationToken ct) =>
        KnownEstablishments.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

public sealed class EstablishmentRegisteredPlacesConsumerDefinition : RetryingConsumerDefinition<EstablishmentRegisteredPlacesConsumer>
{
    public EstablishmentRegisteredPlacesConsumerDefinition() => EndpointName = "features-establishment-places-registered";
}

public sealed class EstablishmentChangedPlacesConsumerDefinition : RetryingConsumerDefinition<EstablishmentChangedPlacesConsumer>
{
    public EstablishmentChangedPlacesConsumerDefinition() => EndpointName = "features-establishment-places-changed";
}
