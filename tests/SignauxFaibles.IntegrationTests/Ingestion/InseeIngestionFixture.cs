using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Insee plus a downstream consumer of every Sirene event, on one environment.</summary>
public class InseeIngestionFixture : IAsyncLifetime
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public ServiceFactory<IngestionInseeService> Ingestion { get; private set; } = null!;
    public RegistryRecordLog Log { get; } = new();
    private IHost _downstream = null!;

    /// <summary>Records per chunk: small to make a file of a few dozen lines span several chunks.</summary>
    protected virtual int ChunkSize => 1000;

    public async Task InitializeAsync()
    {
        Env = await IntegrationEnvironment.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        var rabbit = RabbitMqEndpoint.Parse(new Uri(Env.RabbitMqConnectionString));
        builder.Services.AddSingleton(Log);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<RegistryRecordConsumer>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        _downstream = builder.Build();
        await _downstream.StartAsync();
        Ingestion = Services.IngestionInsee(Env, "ingestion_insee", ChunkSize);
    }

    public async Task DisposeAsync()
    {
        await Ingestion.DisposeAsync();
        await _downstream.StopAsync();
        _downstream.Dispose();
        await Env.DisposeAsync();
    }
}

/// <summary>The same with chunks of ten records.</summary>
public sealed class SmallChunkInseeIngestionFixture : InseeIngestionFixture
{
    protected override int ChunkSize => 10;
}
