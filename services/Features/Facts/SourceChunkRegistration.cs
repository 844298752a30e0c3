using MassTransit;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Features.Facts;

public static class SourceChunkRegistration
{
    /// <summary>Consumes one kind of source chunk into the fact store (its own queue, the platform's retry policy).</summary>
    public static IBusRegistrationConfigurator AddSourceChunkConsumer<TChunk>(this IBusRegistrationConfigurator bus)
        where TChunk : class, ISourceChunk<ISourceRecord>
    {
        bus.AddConsumer<SourceChunkConsumer<TChunk>, SourceChunkConsumerDefinition<TChunk>>();
        return bus;
    }
}
