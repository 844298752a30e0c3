using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.IntegrationTests.Hosting;
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
        _downstream = await DownstreamBus.StartAsync(Env, AddDownstream);
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
