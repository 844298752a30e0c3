using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// Messages published before their consumer ever started are kept when the consumer's topology was
/// deployed first (what the run command and the init containers do), and nothing is consumed by the
/// deployment itself.
/// </summary>
public sealed class TopologyDeploymentTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const int Items = 5;

    [Fact]
    public async Task Messages_published_before_the_consumer_first_starts_wait_in_its_deployed_queue()
    {
        static void Consumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<SequencedItemConsumer, SequencedItemConsumerDefinition>();
        await DeployThenPublishAsync(env, Consumers, Items);

        using var consumer = await LedgerHost.StartAsync(env, "consumer", Consumers);
        await Eventually.UntilAsync(() => LedgerHost.ReceivedCountAsync(consumer.Services), n => n == Items, TimeSpan.FromSeconds(30),
            $"the {Items} items published before the consumer started");
    }

    /// <summary>
    /// Deploys the consumer host's topology (database "consumer"), then a producer host publishes
    /// <paramref name="items"/> items, confirmed by the broker, while no consumer has ever run.
    /// </summary>
    internal static async Task DeployThenPublishAsync(IntegrationEnvironment env, Action<IBusRegistrationConfigurator> consumers, int items)
    {
        using (var deployment = LedgerHost.Build(env, "consumer", consumers, settings: new Dictionary<string, string?> { [BrokerTopology.DeployOnlySetting] = "true" }))
        {
            await deployment.DeployTopologyAsync(CancellationToken.None);
        }
        using var producer = await LedgerHost.StartAsync(env, "producer");
        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = 1; i <= items; i++) outbox.Publish(new SequencedItemPublished("p", i), "p");
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().SaveChangesAsync();
        }
        // Confirmed by the broker (the relay deletes a row once confirmed).
        await Eventually.UntilAsync(() => PendingAsync(producer.Services), n => n == 0, TimeSpan.FromSeconds(30), "every item confirmed by the broker");
    }

    private static async Task<int> PendingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Set<OutboxMessage>().CountAsync();
    }
}
