using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Hosting;

/// <summary>
/// A bus of the test's own on the environment's broker, as its administrator: for consumers standing
/// in for downstream services, and for publishing what another service would. A service under test
/// connects as its own broker user, whose rights do not cover the test's queues and stand-in messages.
/// </summary>
public static class DownstreamBus
{
    /// <summary>A bus with no consumers of its own: publish through it, or connect a watching endpoint.</summary>
    public static Task<IHost> StartAsync(IntegrationEnvironment env) => StartAsync(env, (_, _) => { });

    public static async Task<IHost> StartAsync(IntegrationEnvironment env, Action<IBusRegistrationConfigurator, IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        var rabbit = RabbitMqEndpoint.Parse(new Uri(env.RabbitMqConnectionString));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configure(bus, builder.Services);
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
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
