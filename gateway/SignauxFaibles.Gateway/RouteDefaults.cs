using Yarp.ReverseProxy.Configuration;

namespace SignauxFaibles.Gateway;

/// <summary>
/// A route added to the configuration without a policy still needs a token and is still rate
/// limited: the safe choice is the default, and opening a route is the explicit act.
/// </summary>
public sealed class RouteDefaults : IProxyConfigFilter
{
    public const string Authenticated = "authenticated";

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route with
        {
            AuthorizationPolicy = route.AuthorizationPolicy ?? Authenticated,
            RateLimiterPolicy = route.RateLimiterPolicy ?? RateLimits.PerClient,
        });

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);
}
