using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Testing;
using Yarp.ReverseProxy;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>
/// The gateway's door, route by route as its configuration declares them: a route added later is
/// covered without touching this test.
/// </summary>
public sealed class GatewayDoorTests
{
    // The only routes a caller without a token may use: obtaining a token, and the officers' portal,
    // which signs its users in itself (cookie session, login at the identity service) and calls the
    // services with their token.
    private static readonly string[] PublicRoutes = ["identity-account", "identity-connect", "identity-discovery", "portal"];

    [Fact]
    public async Task Every_non_public_route_answers_401_without_a_valid_token()
    {
        // No service behind it: a request that passed the door would answer 502, not 401.
        await using var gateway = GatewayHost.Start(new Dictionary<string, int>());
        // The routes as the proxy runs them (defaults applied), not as the file spells them.
        var routes = gateway.Services.GetRequiredService<IProxyStateLookup>().GetRoutes().Select(r => r.Config).ToList();
        Assert.Equal(PublicRoutes, routes.Where(r => r.AuthorizationPolicy == "anonymous").Select(r => r.RouteId).Order());
        var guarded = routes.Where(r => r.AuthorizationPolicy != "anonymous").ToList();
        Assert.True(guarded.Count >= 7, $"only {guarded.Count} guarded routes");

        var client = gateway.Anonymous();
        foreach (var route in guarded)
        {
            var path = route.Match.Path!.Replace("{**rest}", "api/probe", StringComparison.Ordinal);
            foreach (var method in route.Match.Methods ?? ["GET", "POST"])
            {
                using var anonymous = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} ({route.RouteId}) without token: {(int)anonymous.StatusCode}");
                using var forged = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path).As(TestTokens.Foreign()));
                Assert.True(forged.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} ({route.RouteId}) with a foreign token: {(int)forged.StatusCode}");
            }
            Assert.Equal("per-client", route.RateLimiterPolicy);
        }

        // The probes stay open (orchestrators carry no token), and a valid token passes the door.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var passed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/features/api/panel/status").As(TestTokens.Operator()));
        Assert.Equal(HttpStatusCode.BadGateway, passed.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_Retry_After_and_the_correlation_id_comes_back()
    {
        await using var gateway = GatewayHost.Start(new Dictionary<string, int>(), permitLimit: 3);
        var client = gateway.Anonymous();
        var token = TestTokens.Institution("urssaf", "ingest:urssaf");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/urssaf/api/batches").As(token);
            request.Headers.Add("X-Correlation-Id", $"test-{i}");
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            Assert.Equal($"test-{i}", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = refused!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // Another client has its own window.
        using var other = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dgefp/api/batches").As(TestTokens.Institution("dgefp", "ingest:dgefp")));
        Assert.Equal(HttpStatusCode.BadGateway, other.StatusCode);
    }
}
