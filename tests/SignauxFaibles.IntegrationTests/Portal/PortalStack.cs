using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Features;
using SignauxFaibles.Gateway;
using SignauxFaibles.Identity;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Identity.Officers;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Gateway;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
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
    public required ServiceFactory<IngestionUrssafService> Urssaf { get; init; }
    public required ServiceFactory<GatewayService> Gateway { get; init; }
    public required ServiceFactory<PortalService> Portal { get; init; }
    public required string PortalUrl { get; init; }

    public static async Task<PortalStack> StartAsync()
    {
        var env = await IntegrationEnvironment.CreateAsync();
        var (identityPort, featuresPort, scoringPort, portalPort, gatewayPort) =
            (GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort(), GatewayHost.FreePort());
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
            ["ConnectionStrings:rabbitmq"] = env.RabbitMqConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Identity:Issuer"] = issuer,
            ["Identity:DevelopmentLogin"] = "true",
            ["Identity:Clients:portal:RedirectUris:0"] = portalUrl + "signin-oidc",
        }).StartedOn(identityPort);
        var features = Services.Features(env, "features", "2019-01", "2020-12", port: featuresPort, extra: trustIssuer);
        var scoring = Services.Scoring(env, "scoring", scoringPort, trustIssuer);
        var urssaf = Services.IngestionUrssaf(env, "urssaf");
        var portal = new ServiceFactory<PortalService>(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Portal:Authority"] = issuer,
            ["Portal:RequireHttpsMetadata"] = "false",
            ["Portal:Gateway"] = $"http://127.0.0.1:{gatewayPort}/",
        }).StartedOn(portalPort);
        var gateway = GatewayHost.StartOn(new Dictionary<string, int>
        {
            ["identity"] = identityPort, ["features"] = featuresPort, ["scoring"] = scoringPort, ["portal"] = portalPort,
        }, gatewayPort, trustIssuer);
        var stack = new PortalStack
        {
            Env = env, Identity = identity, Features = features, Scoring = scoring, Urssaf = urssaf, Gateway = gateway, Portal = portal, PortalUrl = portalUrl,
        };
        stack._hosts.AddRange([gateway, portal, urssaf, scoring, features, identity]);
        return stack;
    }

    /// <summary>An officer of the directory as the identity service's copy holds it (what a roster import leaves there).</summary>
    public Task AddOfficerAsync(string email, string name, string[] rights, string departement) =>
        Db.QueryAsync<IdentityDbContext, int>(Identity.Services, db =>
        {
            db.Officers.Add(new DirectoryOfficer
            {
                Email = email, Name = name, Institution = "DREETS", Rights = [.. rights], Departements = [departement], ChangedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await Env.DisposeAsync();
    }
}
