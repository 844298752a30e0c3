using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// A service stopped while a message is in its handler (a deployment, run.sh down): the handling is
/// cancelled and rolled back, and the message goes back to the broker for the next start, never to
/// the error queue (issue 24). The next start applies it exactly once.
/// </summary>
public sealed class ShutdownInterruptionTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const string Queue = "ledger-interruptible-entry";

    [Fact]
    public async Task A_message_in_flight_when_the_service_stops_is_applied_once_by_the_next_start_and_never_dead_lettered()
    {
        static void Consumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<InterruptibleEntryConsumer, InterruptibleEntryConsumerDefinition>();
        // The services cancel their consumers before they stop waiting for them: a consumer still
        // running past StopTimeout would go on over a disposed container and fail to _error.
        using (var unstarted = LedgerHost.Build(env, "consumer", Consumers))
        {
            var options = unstarted.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MassTransitHostOptions>>().Value;
            Assert.True(options.ConsumerStopTimeout < options.StopTimeout, $"consumer stop timeout {options.ConsumerStopTimeout}, stop timeout {options.StopTimeout}");
        }
        var held = new ShutdownGate { Hold = true };
        var first = await LedgerHost.StartAsync(env, "consumer", Consumers, services =>
        {
            services.AddSingleton(held);
            // Consumers get 2 s to finish once the stop begins (20 s in the services), then are cancelled.
            services.Configure<MassTransitHostOptions>(o => o.ConsumerStopTimeout = TimeSpan.FromSeconds(2));
        });
        using (var producer = await LedgerHost.StartAsync(env, "producer"))
        {
            await using var scope = producer.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(new LedgerEntryPosted(7, 42));
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().SaveChangesAsync();
            await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await first.StopAsync();
        first.Dispose();
        Assert.Equal(0, await env.Management.QueueDepthAsync(env.VirtualHost, Queue + "_error"));
        Assert.False(await env.Management.QueueExistsAsync(env.VirtualHost, Queue + "_skipped"));

        using var second = await LedgerHost.StartAsync(env, "consumer", Consumers, services => services.AddSingleton(new ShutdownGate()));
        await Eventually.UntilAsync(() => AccountAsync(second.Services), a => a is not null, TimeSpan.FromSeconds(60), "the interrupted entry applied after the restart");
        Assert.Equal((42L, 1), (await AccountAsync(second.Services))!.Value);
        Assert.Equal(0, await env.Management.QueueDepthAsync(env.VirtualHost, Queue + "_error"));
    }

    private static async Task<(long Total, int Count)?> AccountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == 7);
        return account is null ? null : (account.Total, account.Count);
    }
}
