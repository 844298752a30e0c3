using MassTransit;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Security.Zones;

namespace SignauxFaibles.Scoring.Places;

/// <summary>New establishments: a secondary plant puts its company on the list of that département's officers.</summary>
public sealed class EstablishmentRegisteredPlacesConsumer(ScoringDbContext db, TimeProvider clock)
    : IdempotentConsumer<EstablishmentRegistered, ScoringDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentRegistered> context, CancellationToken ct) =>
        KnownEstablishments.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

/// <summary>Moved or closed establishments: a closed one stops placing its company.</summary>
public sealed class EstablishmentChangedPlacesConsumer(ScoringDbContext db, TimeProvider clock)
    : IdempotentConsumer<EstablishmentChanged, ScoringDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentChanged> context, CancellationToken ct) =>
        KnownEstablishments.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

public sealed class EstablishmentRegisteredPlacesConsumerDefinition : RetryingConsumerDefinition<EstablishmentRegisteredPlacesConsumer>
{
    public EstablishmentRegisteredPlacesConsumerDefinition() => EndpointName = "scoring-establishment-registered";
}

public sealed class EstablishmentChangedPlacesConsumerDefinition : RetryingConsumerDefinition<EstablishmentChangedPlacesConsumer>
{
    public EstablishmentChangedPlacesConsumerDefinition() => EndpointName = "scoring-establishment-changed";
}
