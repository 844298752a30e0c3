using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Redelivery;

namespace SignauxFaibles.ServiceDefaults;

public static class BusExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>Declare endpoint queues as quorum queues (RabbitMQ cluster, see deploy/k8s). Off by default.</summary>
    public const string QuorumQueuesSetting = "RabbitMq:QuorumQueues";

    /// <summary>Broker credentials that override the URI's (e.g. a secret made by the RabbitMQ topology operator).</summary>
    public const string UsernameSetting = "RabbitMq:Username";
    public const string PasswordSetting = "RabbitMq:Password";

    /// <summary>
    /// MassTransit on RabbitMQ from the <c>rabbitmq</c> connection string (an amqp:// URI whose path
    /// is the virtual host), and our outbox relay for <typeparamref name="TDbContext"/>. Every endpoint
    /// the service declares is named <c>{service}-…</c> (kebab case): the broker user of the service
    /// may configure and read only those and the contract exchanges it publishes or consumes
    /// (deploy/broker/permissions.tsv). Retry policies live in the consumer definitions (immediate
    /// retries, then delayed redelivery through waiting queues); exhausted messages go to <c>_error</c> queues.
    /// </summary>
    public static IHostApplicationBuilder AddServiceBus<TDbContext>(
        this IHostApplicationBuilder builder,
        string service,
        Action<IBusRegistrationConfigurator>? configure = null)
        where TDbContext : DbContext
    {
        var uri = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing (ConnectionStrings__{ConnectionName})."));
        var endpoint = RabbitMqEndpoint.Parse(uri);
        if (builder.Configuration[UsernameSetting] is { Length: > 0 } username)
        {
            endpoint = endpoint with { Username = username, Password = builder.Configuration[PasswordSetting] ?? "" };
        }
        var quorumQueues = builder.Configuration.GetValue<bool>(QuorumQueuesSetting);
        var deployTopologyOnly = BrokerTopology.DeployOnly(builder.Configuration);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service, includeNamespace: false));
            // MassTransit 8.4+ reports usage to its vendor over the internet: a public body's services send nothing out.
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Nobody consumes Fault<T>: a failed message waits in the endpoint's _error queue, and
                // no service needs rights on MassTransit's fault exchanges (which would copy its data).
                endpoint.PublishFaults = false;
                // On a broker cluster, endpoint queues are replicated (Raft): a node lost loses no message.
                // The type is fixed when a queue is declared, so this is set before the first start.
                if (quorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint) rabbitEndpoint.SetQuorumQueue();
            });
            configure?.Invoke(bus);
            bus.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "rabbitmq";
                h.Tags.Add(HealthExtensions.Ready);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(endpoint.Host, endpoint.Port, endpoint.VirtualHost, h =>
                {
                    h.Username(endpoint.Username);
                    h.Password(endpoint.Password);
                    h.PublisherConfirmation = true;
                });
                rabbit.DeployTopologyOnly = deployTopologyOnly;
                rabbit.ConfigureEndpoints(context);
            });
        });
        BusAfterServerStart.Replace(builder.Services);
        // Start-up waits for the broker: consumers' queues must be bound before anything is published.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
            // Consumers still running then are cancelled (rolled back, the message left to the broker)
            // while the container is whole: past StopTimeout they would fail on a disposed one.
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.AddTransactionalOutbox<TDbContext>(builder.Configuration);
        builder.Services.AddOptions<DelayedRedeliveryOptions>().Bind(builder.Configuration.GetSection(DelayedRedeliveryOptions.Section));
        builder.Services.AddSingleton<IWaitingQueues>(new RabbitMqWaitingQueues(endpoint, quorumQueues));
        builder.Services.AddSingleton<Redeliveries>();
        return builder;
    }
}
