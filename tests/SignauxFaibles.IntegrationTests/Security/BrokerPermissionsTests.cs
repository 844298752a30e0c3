using System.Text;
using System.Text.RegularExpressions;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Security;

/// <summary>
/// Each service's broker user (deploy/broker/permissions.tsv) on a real RabbitMQ: it publishes its own
/// contracts and reads its own queues, and the broker refuses (403) the rest. That the permissions
/// are enough to run is shown by every other integration test: the services under test connect as
/// their own users (<see cref="IntegrationEnvironment.BrokerConnectionString"/>).
/// </summary>
public sealed partial class BrokerPermissionsTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const string ContributionsDeclared = "SignauxFaibles.Contracts.Urssaf:ContributionsDeclared";
    private const string FinancialStatementFiled = "SignauxFaibles.Contracts.Finance:FinancialStatementFiled";
    private const string FeaturesQueue = "features-contributions-declared";

    [Fact]
    public async Task An_ingestion_service_publishes_its_own_contracts_and_the_broker_refuses_another_feeds()
    {
        await DeclareAsAdminAsync();
        await using var finance = await ConnectAsync("ingestion-finance");

        await PublishAsync(finance, FinancialStatementFiled);
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => PublishAsync(finance, ContributionsDeclared));
        Assert.Equal((ushort)403, refused.ShutdownReason?.ReplyCode);

        // Nor can it declare (or delete) another feed's exchange.
        await using var again = await ConnectAsync("ingestion-finance");
        await using var channel = await again.CreateChannelAsync();
        var declare = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.ExchangeDeclareAsync(ContributionsDeclared, ExchangeType.Fanout, durable: true));
        Assert.Equal((ushort)403, declare.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task A_service_reads_its_own_queues_and_the_broker_refuses_another_services()
    {
        await DeclareAsAdminAsync();
        await using var features = await ConnectAsync("features");
        await using (var own = await features.CreateChannelAsync())
        {
            Assert.Null(await own.BasicGetAsync(FeaturesQueue, autoAck: false));
        }

        await using var notifications = await ConnectAsync("notifications");
        await using var other = await notifications.CreateChannelAsync();
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => other.BasicGetAsync(FeaturesQueue, autoAck: false));
        Assert.Equal((ushort)403, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public void Every_service_on_the_bus_has_a_broker_user_named_as_its_endpoints_prefix()
    {
        var root = RepositoryRoot.Find();
        var users = BrokerPermissions.All().Select(p => p.User).ToHashSet();
        var onTheBus = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(root, "deploy", "local", "services.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var cells = line.Split('\t');
            var program = File.ReadAllText(Path.Combine(root, Path.GetDirectoryName(cells[1])!, "Program.cs"));
            var bus = BusRegistration().Match(program);
            if (!bus.Success) continue;
            onTheBus.Add(cells[0]);
            Assert.True(bus.Groups["service"].Value == cells[0], $"{cells[1]} registers the bus as '{bus.Groups["service"].Value}', its deployment name is '{cells[0]}'.");
            Assert.Contains(cells[0], users);
        }
        Assert.Equal(users.Order(), onTheBus.Order());
    }

    [GeneratedRegex(@"(?:AddServiceBus|AddIngestionService)<\w+>\(""(?<service>[a-z-]+)""")]
    private static partial Regex BusRegistration();

    // The topology the services would have declared: a contract exchange of another feed, a features queue.
    private async Task DeclareAsAdminAsync()
    {
        await using var admin = await new ConnectionFactory { Uri = new Uri(env.RabbitMqConnectionString) }.CreateConnectionAsync();
        await using var channel = await admin.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(ContributionsDeclared, ExchangeType.Fanout, durable: true);
        await channel.ExchangeDeclareAsync(FinancialStatementFiled, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(FeaturesQueue, durable: true, exclusive: false, autoDelete: false);
    }

    private Task<IConnection> ConnectAsync(string service) =>
        new ConnectionFactory { Uri = new Uri(env.BrokerConnectionString(service)) }.CreateConnectionAsync();

    // With publisher confirms the publish returns once the broker has taken the message, or throws
    // when it closed the channel instead.
    private static async Task PublishAsync(IConnection connection, string exchange)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(exchange, "", Encoding.UTF8.GetBytes("{}"));
    }
}
