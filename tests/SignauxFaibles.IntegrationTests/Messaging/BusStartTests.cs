using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// A second instance of a service whose port is taken fails to start: it must not consume anything
/// in the meantime (issue 24: five chunks consumed, then failed on a disposed container, ended in the
/// error queue). The messages stay in the queue and the next good start takes each of them once.
/// </summary>
public sealed class BusStartTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const int Items = 5;
    private const string Queue = "ledger-sequenced-item";

    private static void Consumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<SequencedItemConsumer, SequencedItemConsumerDefinition>();

    [Fact]
    public async Task A_host_that_fails_to_start_consumes_nothing_and_the_next_start_takes_every_message()
    {
        await TopologyDeploymentTests.DeployThenPublishAsync(env, Consumers, Items);
        await Eventually.UntilAsync(() => env.Management.QueueDepthAsync(env.VirtualHost, Queue), n => n == Items, TimeSpan.FromSeconds(30), $"{Items} items waiting in {Queue}");

        // Registered after the bus, as the web server is: its start fails the way Kestrel's does on a taken port.
        var failing = LedgerHost.Build(env, "consumer", Consumers, services => services.AddHostedService<PortTakenAtStart>());
        await Assert.ThrowsAsync<IOException>(() => failing.StartAsync());
        var consumedDuringFailedStart = await LedgerHost.ReceivedCountAsync(failing.Services);
        await ((IAsyncDisposable)failing).DisposeAsync();

        Assert.Equal(0, consumedDuringFailedStart);
        await Eventually.UntilAsync(() => env.Management.QueueDepthAsync(env.VirtualHost, Queue), n => n == Items, TimeSpan.FromSeconds(30),
            $"the {Items} items still ready in {Queue}");
        Assert.Equal(0, await env.Management.QueueDepthAsync(env.VirtualHost, Queue + "_error"));

        using var consumer = await LedgerHost.StartAsync(env, "consumer", Consumers);
        await Eventually.UntilAsync(() => LedgerHost.ReceivedCountAsync(consumer.Services), n => n == Items, TimeSpan.FromSeconds(30), $"the {Items} items consumed");
    }

    /// <summary>Fails its start as a web server whose port is taken, after leaving a running bus time to consume (a few seconds at most).</summary>
    private sealed class PortTakenAtStart(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await Eventually.UntilAsync(() => LedgerHost.ReceivedCountAsync(services), n => n > 0, TimeSpan.FromSeconds(3), "a message consumed");
            }
            catch (TimeoutException)
            {
                // Nothing consumed: the expected case.
            }
            throw new IOException("Failed to bind to address http://127.0.0.1:5000: address already in use.");
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
