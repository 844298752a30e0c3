using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using SignauxFaibles.Gateway;
using SignauxFaibles.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Testing;
using Yarp.ReverseProxy.Configuration;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>The real gateway in-process, its clusters pointed at services a test started on Kestrel ports.</summary>
internal static class GatewayHost
{
    // Clusters the test did not start a service for go to a closed port, never to whatever runs on
    // the default ones; read from the gateway's configuration, so a new cluster is covered too.
    private static readonly string[] Clusters = ReadClusters();

    public static ServiceFactory<GatewayService> Start(IReadOnlyDictionary<string, int> clusterPorts, int permitLimit = 1000) =>
        Create(clusterPorts, permitLimit, port: null);

    /// <summary>The gateway on a real Kestrel port (what a large upload needs to be measured as it is).</summary>
    public static ServiceFactory<GatewayService> StartOn(IReadOnlyDictionary<string, int> clusterPorts, int port,
        IReadOnlyDictionary<string, string?>? extra = null) =>
        Create(clusterPorts, permitLimit: 1000, port, extra);

    private static ServiceFactory<GatewayService> Create(IReadOnlyDictionary<string, int> clusterPorts, int permitLimit, int? port,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var closed = FreePort();
        var settings = new Dictionary<string, string?>(TestTokens.ServiceSettings)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Gateway:RateLimit:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimit:Window"] = "00:01:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        foreach (var cluster in Clusters)
        {
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address"] = $"http://127.0.0.1:{clusterPorts.GetValueOrDefault(cluster, closed)}/";
        }
        var factory = new ServiceFactory<GatewayService>(settings);
        var gateway = port is { } p ? factory.StartedOn(p) : factory.Started();
        var unknown = gateway.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Clusters.Select(c => c.ClusterId).Except(Clusters).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"Clusters not in the gateway's appsettings.json: {string.Join(", ", unknown)}.");
        return gateway;
    }

    /// <summary>A client of the gateway without the default token: each request says who it is.</summary>
    public static HttpClient Anonymous(this ServiceFactory<GatewayService> gateway)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public static HttpRequestMessage As(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static string[] ReadClusters()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "gateway", "SignauxFaibles.Gateway", "appsettings.json");
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return [.. settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject().Select(c => c.Name)];
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
