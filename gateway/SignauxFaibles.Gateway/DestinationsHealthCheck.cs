using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;

namespace SignauxFaibles.Gateway;

/// <summary>The gateway is ready when every service it routes to answers its own readiness probe.</summary>
public sealed class DestinationsHealthCheck(IProxyConfigProvider proxy, IHttpClientFactory http) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = http.CreateClient(nameof(DestinationsHealthCheck));
        var destinations = proxy.GetConfig().Clusters
            .SelectMany(c => (c.Destinations ?? new Dictionary<string, DestinationConfig>()).Select(d => (Cluster: c.ClusterId, d.Value.Address)))
            .ToList();
        var results = await Task.WhenAll(destinations.Select(async d =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(new Uri(d.Address), "health/ready"), cancellationToken);
                return (d.Cluster, Ok: response.IsSuccessStatusCode, Error: response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (d.Cluster, Ok: false, Error: ex.Message);
            }
        }));
        var data = results.ToDictionary(r => r.Cluster, r => (object)(r.Error ?? "ready"));
        return results.All(r => r.Ok)
            ? HealthCheckResult.Healthy($"{results.Length} service(s) ready", data)
            : HealthCheckResult.Unhealthy("not ready: " + string.Join(", ", results.Where(r => !r.Ok).Select(r => r.Cluster)), data: data);
    }
}
