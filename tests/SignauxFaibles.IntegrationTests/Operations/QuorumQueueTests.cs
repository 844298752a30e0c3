using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.IntegrationTests.Messaging;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>With RabbitMq:QuorumQueues (the Kubernetes setting), endpoint queues are declared as quorum queues.</summary>
public sealed class QuorumQueueTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    [Fact]
    public async Task Endpoint_queues_are_quorum_queues_when_configured_and_classic_otherwise()
    {
        using (await LedgerHost.StartAsync(env, "quorum", bus => bus.AddConsumer<FlakyEntryConsumer, FlakyEntryConsumerDefinition>(),
                   services => services.AddSingleton(new PoisonSwitch()), new Dictionary<string, string?> { [BusExtensions.QuorumQueuesSetting] = "true" }))
        {
            Assert.Equal("quorum", await QueueTypeAsync("ledger-flaky-entry"));
        }
        using (await LedgerHost.StartAsync(env, "classic", bus => bus.AddConsumer<LedgerEntryPostedConsumer, LedgerEntryPostedConsumerDefinition>()))
        {
            Assert.Equal("classic", await QueueTypeAsync("ledger-ledger-entry-posted"));
        }
    }

    private async Task<string?> QueueTypeAsync(string queue)
    {
        var management = env.Servers.RabbitMqManagement;
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority) + "/api/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"queues/{Uri.EscapeDataString(env.VirtualHost)}/{Uri.EscapeDataString(queue)}"));
        return doc.RootElement.GetProperty("type").GetString();
    }
}
