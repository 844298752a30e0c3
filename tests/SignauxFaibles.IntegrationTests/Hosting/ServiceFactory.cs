using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Features;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Hosting;

/// <summary>
/// Runs a real service in-process against the test environment's broker and database. Its clients
/// carry <see cref="TestTokens.Platform"/> unless a test sets another Authorization header.
/// </summary>
/// <param name="testServices">Registrations replacing the service's own (e.g. a file kind whose parser fails on purpose).</param>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (testServices is not null) builder.ConfigureTestServices(testServices);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Platform);
    }

    /// <summary>Starts the host (and so its bus, which waits until its queues are bound).</summary>
    public ServiceFactory<TEntryPoint> Started()
    {
        _ = Server;
        return this;
    }

    /// <summary>Starts the host on a real Kestrel port, for a gateway under test to proxy to.</summary>
    public ServiceFactory<TEntryPoint> StartedOn(int port)
    {
        UseKestrel(port);
        StartServer();
        return this;
    }
}

public static class Services
{
    /// <summary>The feature service with its panel limited to the months a test's data spans.</summary>
    public static ServiceFactory<FeaturesService> Features(IntegrationEnvironment env, string database, string panelFrom = "2016-01", string panelTo = "2021-12", int? port = null,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = Common(env, database, "features");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        settings["Panel:From"] = panelFrom;
        settings["Panel:To"] = panelTo;
        settings["Panel:PollInterval"] = "00:00:00.100";
        var factory = new ServiceFactory<FeaturesService>(settings);
        return port is { } p ? factory.StartedOn(p) : factory.Started();
    }

    public static ServiceFactory<IngestionUrssafService> IngestionUrssaf(IntegrationEnvironment env, string database, int chunkSize = 1000,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        Ingestion<IngestionUrssafService>(env, database, chunkSize, extra: settings);

    /// <summary>Any ingestion service (they share the building block's settings), with its raw files under the test's temp folder.</summary>
    public static ServiceFactory<TService> Ingestion<TService>(IntegrationEnvironment env, string database, int chunkSize = 1000, int? port = null,
        IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? testServices = null)
        where TService : class
    {
        var settings = Common(env, database, IngestionServiceName(typeof(TService)));
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        settings["Ingestion:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Ingestion:RawFileRoot"] = Path.Combine(Path.GetTempPath(), "sf-tests", env.VirtualHost, database);
        var factory = new ServiceFactory<TService>(settings, testServices);
        return port is { } p ? factory.StartedOn(p) : factory.Started();
    }

    public static ServiceFactory<IngestionInseeService> IngestionInsee(IntegrationEnvironment env, string database, int chunkSize = 1000)
    {
        var settings = Common(env, database, "ingestion-insee");
        settings["Ingestion:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Ingestion:RawFileRoot"] = Path.Combine(Path.GetTempPath(), "sf-tests", env.VirtualHost, database);
        return new ServiceFactory<IngestionInseeService>(settings).Started();
    }

    /// <summary>The notification service, with extra settings (its SMTP server, delivery timings).</summary>
    public static ServiceFactory<SignauxFaibles.Notifications.NotificationsService> Notifications(
        IntegrationEnvironment env, string database, IReadOnlyDictionary<string, string?> extra)
    {
        var settings = Common(env, database, "notifications");
        foreach (var (key, value) in extra) settings[key] = value;
        return new ServiceFactory<SignauxFaibles.Notifications.NotificationsService>(settings).Started();
    }

    /// <summary>The scoring service (empty registry: tests register and promote their own models).</summary>
    public static ServiceFactory<SignauxFaibles.Scoring.ScoringService> Scoring(IntegrationEnvironment env, string database,
        IReadOnlyDictionary<string, string?>? extra = null) =>
        new ServiceFactory<SignauxFaibles.Scoring.ScoringService>(With(Common(env, database, "scoring"), extra)).Started();

    /// <summary>The scoring service on a real port (behind a gateway under test), with extra settings.</summary>
    public static ServiceFactory<SignauxFaibles.Scoring.ScoringService> Scoring(IntegrationEnvironment env, string database, int port,
        IReadOnlyDictionary<string, string?> extra) =>
        new ServiceFactory<SignauxFaibles.Scoring.ScoringService>(With(Common(env, database, "scoring"), extra)).StartedOn(port);

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>An ingestion service's name (its broker user): <c>IngestionUrssafService</c> → <c>ingestion-urssaf</c>.</summary>
    private static string IngestionServiceName(Type service) =>
        "ingestion-" + service.Name.Replace("Ingestion", "").Replace("Service", "").ToLowerInvariant();

    // Each service connects as its own broker user, with the permissions it has in production.
    private static Dictionary<string, string?> Common(IntegrationEnvironment env, string database, string service) => new(TestTokens.ServiceSettings)
    {
        ["ConnectionStrings:postgres"] = env.DatabaseConnectionString(database),
        ["ConnectionStrings:rabbitmq"] = env.BrokerConnectionString(service),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Messaging:Outbox:ErrorDelay"] = "00:00:00.500",
    };
}
