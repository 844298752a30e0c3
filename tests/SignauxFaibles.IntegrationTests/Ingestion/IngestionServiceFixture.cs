using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// An ingestion service plus a downstream consumer of every source event (<see cref="SourceRecordCounter"/>),
/// on one environment of their own. Each service's fixture only says how to start its service.
/// </summary>
public abstract class IngestionServiceFixture<TEntryPoint> : IAsyncLifetime
    where TEntryPoint : class
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public ServiceFactory<TEntryPoint> Ingestion { get; private set; } = null!;
    public RecordTally Tally { get; } = new();
    private IHost _downstream = null!;

    protected abstract ServiceFactory<TEntryPoint> StartService(IntegrationEnvironment env);

    /// <summary>The downstream consumers; by default one that counts every source record it receives.</summary>
    protected virtual void AddDownstream(IBusRegistrationConfigurator bus, IServiceCollection services)
    {
        services.AddSingleton(Tally);
        bus.AddConsumer<SourceRecordCounter>();
    }

    public async Task InitializeAsync()
    {
        Env = await IntegrationEnvironment.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        var rabbit = RabbitMqEndpoint.Parse(new Uri(Env.RabbitMqConnectionString));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            AddDownstream(bus, builder.Services);
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
        Ingestion = StartService(Env);
    }

    public async Task DisposeAsync()
    {
        await Ingestion.DisposeAsync();
        await _downstream.StopAsync();
        _downstream.Dispose();
        await Env.DisposeAsync();
    }
}
