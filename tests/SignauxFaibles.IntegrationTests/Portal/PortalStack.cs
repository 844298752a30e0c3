using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Features;
using SignauxFaibles.Gateway;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Identity;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Gateway;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Notifications;
using SignauxFaibles.Portal;
using SignauxFaibles.Scoring;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// What an officer's browser meets, in-process on real localhost ports over the test's broker and
/// databases: the identity service (development login), the feature and scoring services, the
/// gateway in front of them, and the portal behind the gateway at /portal.
/// </summary>
internal sealed class PortalStack : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _hosts = [];

    public required IntegrationEnvironment Env { get; init; }
    public required ServiceFactory<IdentityService> Identity { get; init; }
    public required ServiceFactory<FeaturesService> Features { get; init; }
    public required ServiceFactory<ScoringService> Scoring { get; init; }
    public required ServiceFactory<NotificationsService> Notifications { get; init; }
    public required ServiceFactory<IngestionUrssafService> Urssaf { get; init; }
    public required ServiceFactory<GatewayService> Gateway { get; init; }
    public required ServiceFactory<PortalService> Portal { get; init; }
    public required string PortalUrl { get; init; }

    /// <summary>The test's bus (<see cref="DownstreamBus"/>): publishes Sirene's events, watches the services'.</summary>
    public required IHost Harness { get; init; }

    public IBus Bus => Harness.Services.GetRequiredService<IBus>();

    public static async Task<PortalStack> StartAsync()
    {
        var env = await IntegrationEnvironment.CreateAsync();
        var (identityPort, featuresPort, scoringPort, notificationsPort, portalPort, gatewayPort) =
            (GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort());
        var issuer = $"http://127.0.0.1:{identityPort}/";
        var portalUrl = $"http://127.0.0.1:{gatewayPort}/portal/";
        // Services accept the issuer's tokens (the officer's, through the portal) and the test key (seeding).
        var trustIssuer = new Dictionary<string, string?>
        {
            ["Authentication:Authority"] = issuer,
            ["Authentication:RequireHttpsMetadata"] = "false",
        };
        var identity = new ServiceFactory<IdentityService>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = env.DatabaseConnectionString("identity"),
            ["ConnectionStrings:rabbitmq"] = env.BrokerConnectionString("identity"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Identity:Issuer"] = issuer,
            ["Identity:DevelopmentLogin"] = "true",
            ["Identity:Clients:portal:RedirectUris:0"] = portalUrl + "signin-oidc",
        }).StartedOn(identityPort);
        var features = Services.Features(env, "features", "2019-01", "2020-12", port: featuresPort, extra: trustIssuer);
        var scoring = Services.Scoring(env, "scoring", scoringPort, trustIssuer);
        var urssaf = Services.IngestionUrssaf(env, "urssaf");
        var notifications = new ServiceFactory<NotificationsService>(new Dictionary<string, string?>(TestTokens.ServiceSettings)
        {
            ["ConnectionStrings:postgres"] = env.DatabaseConnectionString("notifications"),
            ["ConnectionStrings:rabbitmq"] = env.BrokerConnectionString("notifications"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Authentication:Authority"] = issuer,
            ["Authentication:RequireHttpsMetadata"] = "false",
            // No mail server in this test: the inbox is what the portal reads.
            ["Notifications:Delivery:PollInterval"] = "01:00:00",
        }).StartedOn(notificationsPort);
        var portal = new ServiceFactory<PortalService>(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Portal:Authority"] = issuer,
            ["Portal:RequireHttpsMetadata"] = "false",
            ["Portal:Gateway"] = $"http://127.0.0.1:{gatewayPort}/",
        }).StartedOn(portalPort);
        var gateway = GatewayHost.StartOn(new Dictionary<string, int>
        {
            ["identity"] = identityPort, ["features"] = featuresPort, ["scoring"] = scoringPort, ["notifications"] = notificationsPort, ["portal"] = portalPort,
        }, gatewayPort, trustIssuer);
        var stack = new PortalStack
        {
            Env = env, Identity = identity, Features = features, Scoring = scoring, Notifications = notifications, Urssaf = urssaf, Gateway = gateway,
            Portal = portal, PortalUrl = portalUrl, Harness = await DownstreamBus.StartAsync(env),
        };
        stack._hosts.AddRange([gateway, portal, notifications, urssaf, scoring, features, identity]);
        return stack;
    }

    /// <summary>
    /// The partners' roster imported into the notification service's directory, which the identity
    /// service learns by event (as in production): the officers can then sign in.
    /// </summary>
    public async Task ImportRosterAsync(string roster, int officers)
    {
        using var imported = await Notifications.CreateClient().PostAsync("/api/officers/roster?fileName=roster.csv",
            new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(roster)));
        imported.EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => Db.QueryAsync<IdentityDbContext, int>(Identity.Services, db => db.Officers.CountAsync()),
            n => n == officers, TimeSpan.FromSeconds(30), "the officers in the issuer's copy of the directory");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await Harness.StopAsync();
        Harness.Dispose();
        await Env.DisposeAsync();
    }
}
