using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>A minimal service host wired exactly like a real service (database, bus, outbox relay).</summary>
internal static class LedgerHost
{
    public static async Task<IHost> StartAsync(
        IntegrationEnvironment env, string database, Action<IBusRegistrationConfigurator>? consumers = null, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = Build(env, database, consumers, services, settings);
        await host.StartAsync();
        return host;
    }

    /// <summary>The host, built and not started.</summary>
    public static IHost Build(
        IntegrationEnvironment env, string database, Action<IBusRegistrationConfigurator>? consumers = null, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:postgres"] = env.DatabaseConnectionString(database);
        builder.Configuration["ConnectionStrings:rabbitmq"] = env.RabbitMqConnectionString;
        builder.Configuration["Messaging:Outbox:ErrorDelay"] = "00:00:00.500";
        builder.Configuration["Messaging:Outbox:PublishTimeout"] = "00:00:05";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDatabase<LedgerDbContext>();
        builder.AddServiceBus<LedgerDbContext>("ledger", consumers);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>How many <see cref="SequencedItemPublished"/> the consumer host has stored.</summary>
    public static async Task<int> ReceivedCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().ReceivedItems.CountAsync();
    }
}
