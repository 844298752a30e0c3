using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SignauxFaibles.ServiceDefaults;

/// <summary>
/// Starts the bus only once every hosted service has started (the web server listening included),
/// and stops it before any of them stops. MassTransit's own hosted service starts the bus in its
/// StartAsync, before the web server binds its port: a second instance whose port was taken consumed
/// messages during its aborted start, and failed them on its disposed container (error queue).
/// Here a host that fails to start never consumes, and a message in flight at shutdown is finished
/// (or left to the broker) while the container is whole.
/// </summary>
internal sealed class BusAfterServerStart(IBusDepot depot, IOptions<MassTransitHostOptions> options) : IHostedLifecycleService, IAsyncDisposable
{
    private readonly MassTransitHostedService _bus = new(depot, options);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => _bus.StartAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => _bus.StopAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _bus.DisposeAsync();

    /// <summary>Puts this service in place of MassTransit's.</summary>
    public static void Replace(IServiceCollection services)
    {
        var registered = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MassTransitHostedService)).ToList();
        if (registered.Count != 1)
        {
            throw new InvalidOperationException($"Expected MassTransit's hosted service once, found it {registered.Count} time(s): has MassTransit changed how it registers it?");
        }
        services.Remove(registered[0]);
        services.AddHostedService<BusAfterServerStart>();
    }
}
