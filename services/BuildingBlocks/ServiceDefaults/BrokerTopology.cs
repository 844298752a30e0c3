using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SignauxFaibles.ServiceDefaults;

/// <summary>
/// A service started with <c>--Messaging:DeployTopologyOnly=true</c> declares its queues, exchanges
/// and bindings on the broker and exits without consuming, serving or migrating anything. The run
/// command and the Kubernetes init containers do this for every service before any of them starts,
/// so a message published before its consumer ever ran waits in that consumer's queue instead of
/// being dropped by an exchange with no binding.
/// </summary>
public static class BrokerTopology
{
    public const string DeployOnlySetting = "Messaging:DeployTopologyOnly";

    public static bool DeployOnly(IConfiguration configuration) => configuration.GetValue<bool>(DeployOnlySetting);

    /// <summary>Runs the service, or only deploys its broker topology when asked to.</summary>
    public static void RunService(this IHost app)
    {
        if (!DeployOnly(app.Services.GetRequiredService<IConfiguration>()))
        {
            app.Run();
            return;
        }
        app.DeployTopologyAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public static async Task DeployTopologyAsync(this IHost app, CancellationToken ct)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerTopology));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await app.Services.GetRequiredService<IBusControl>().DeployAsync(timeout.Token);
        logger.LogInformation("Broker topology deployed (queues, exchanges and bindings); not starting the service");
    }
}
