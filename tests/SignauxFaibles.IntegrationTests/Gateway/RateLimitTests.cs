using System.Net;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>
/// Rate limits that cannot starve others: officers signed in through the same portal client each
/// have their own window, and anonymous callers behind a trusted proxy are told apart by the
/// address it forwards.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task One_officers_burst_leaves_another_officer_of_the_same_client_at_200()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var featuresPort = GatewayHost.FreePort();
        await using var features = Services.Features(env, "features", port: featuresPort);
        await using var gateway = GatewayHost.Start(new Dictionary<string, int> { ["features"] = featuresPort }, permitLimit: 5);
        var client = gateway.Anonymous();
        // Both come through the portal's client; only their subjects differ.
        var (heavy, other) = (TestTokens.Officer("agent.export@tests.invalid", "DREETS", ["score"], ["dep:21"]),
            TestTokens.Officer("agent.page@tests.invalid", "DREETS", ["score"], ["dep:21"]));

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/features/api/follows?purpose=export").As(heavy));
            burst.Add(response.StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), burst);

        for (var i = 0; i < 3; i++)
        {
            using var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/features/api/follows").As(other));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // What carries company data is never stored, framed or sniffed (ServiceDefaults' security headers).
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            Assert.Contains("frame-ancestors 'none'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(page.Headers.Contains("Strict-Transport-Security"));   // plain HTTP here: HSTS only behind TLS
        }
    }

    [Fact]
    public async Task Anonymous_callers_behind_a_trusted_proxy_are_counted_by_their_forwarded_address()
    {
        var port = GatewayHost.FreePort();
        await using var gateway = GatewayHost.StartOn(new Dictionary<string, int>(), port, new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitLimit"] = "2",
            ["Gateway:RateLimit:TrustedNetworks:0"] = "127.0.0.0/8",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        async Task<HttpStatusCode> TokenRequestFrom(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        // The identity service is not started: a request let through ends at 502, a refused one at 429.
        var first = new[] { await TokenRequestFrom("203.0.113.7"), await TokenRequestFrom("203.0.113.7"), await TokenRequestFrom("203.0.113.7") };
        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.BadGateway, await TokenRequestFrom("198.51.100.9"));
    }
}
