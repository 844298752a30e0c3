using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Urssaf plus a downstream consumer of everything it publishes, on one environment.</summary>
public sealed class UrssafIngestionFixture : IAsyncLifetime
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public ServiceFactory<IngestionUrssafService> Ingestion { get; private set; } = null!;
    public RecordTally Tally { get; } = new();
    private IHost _downstream = null!;

    public async Task InitializeAsync()
    {
        Env = await IntegrationEnvironment.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        var rabbit = RabbitMqEndpoint.Parse(new Uri(Env.RabbitMqConnectionString));
        builder.Services.AddSingleton(Tally);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<SourceRecordCounter>();
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
        Ingestion = Services.IngestionUrssaf(Env, "ingestion");
    }

    public async Task DisposeAsync()
    {
        await Ingestion.DisposeAsync();
        await _downstream.StopAsync();
        _downstream.Dispose();
        await Env.DisposeAsync();
    }
}
