using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>An ingestion service plus a downstream consumer of every source chunk it publishes, on one environment.</summary>
public abstract class IngestionServiceFixture<TService> : IAsyncLifetime
    where TService : class
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public ServiceFactory<TService> Ingestion { get; private set; } = null!;
    public RecordTally Tally { get; } = new();
    private IHost _downstream = null!;

    /// <summary>Starts the service under test on the environment.</summary>
    protected abstract ServiceFactory<TService> Start(IntegrationEnvironment env);

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
        Ingestion = Start(Env);
    }

    public async Task DisposeAsync()
    {
        await Ingestion.DisposeAsync();
        await _downstream.StopAsync();
        _downstream.Dispose();
        await Env.DisposeAsync();
    }
}
