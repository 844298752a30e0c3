using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Insee plus a downstream consumer of every Sirene event, on one environment.</summary>
public class InseeIngestionFixture : IngestionServiceFixture<IngestionInseeService>
{
    public RegistryRecordLog Log { get; } = new();

    /// <summary>Records per chunk: small to make a file of a few dozen lines span several chunks.</summary>
    protected virtual int ChunkSize => 1000;

    protected override ServiceFactory<IngestionInseeService> StartService(IntegrationEnvironment env) =>
        Services.IngestionInsee(env, "ingestion_insee", ChunkSize);

    protected override void AddDownstream(IBusRegistrationConfigurator bus, IServiceCollection services)
    {
        services.AddSingleton(Log);
        bus.AddConsumer<RegistryRecordConsumer>();
    }
}

/// <summary>The same with chunks of ten records.</summary>
public sealed class SmallChunkInseeIngestionFixture : InseeIngestionFixture
{
    protected override int ChunkSize => 10;
}
