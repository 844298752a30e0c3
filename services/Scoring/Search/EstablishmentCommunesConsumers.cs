using MassTransit;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Search;

/// <summary>New establishments: their communes become searchable for their company.</summary>
public sealed class EstablishmentRegisteredCommunesConsumer(ScoringDbContext db, TimeProvider clock) : IdempotentConsumer<EstablishmentRegistered, ScoringDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentRegistered> context, CancellationToken ct) =>
        CompanySearchIndex.ApplyEstablishmentsAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

/// <summary>Moved or closed establishments: the company's communes follow (a closed one stops counting while another is open).</summary>
public sealed class EstablishmentChangedCommunesConsumer(ScoringDbContext db, TimeProvider clock) : IdempotentConsumer<EstablishmentChanged, ScoringDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<EstablishmentChanged> context, CancellationToken ct) =>
        CompanySearchIndex.ApplyEstablishmentsAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
}

public sealed class EstablishmentRegisteredCommunesConsumerDefinition : RetryingConsumerDefinition<EstablishmentRegisteredCommunesConsumer>
{
    public EstablishmentRegisteredCommunesConsumerDefinition() => EndpointName = "scoring-establishment-communes-registered";
}

public sealed class EstablishmentChangedCommunesConsumerDefinition : RetryingConsumerDefinition<EstablishmentChangedCommunesConsumer>
{
    public EstablishmentChangedCommunesConsumerDefinition() => EndpointName = "scoring-establishment-communes-changed";
}
