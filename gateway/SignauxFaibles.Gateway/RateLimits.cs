using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Gateway;

/// <summary>Section <c>Gateway:RateLimit</c>: requests allowed to one client per window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    public int PermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Networks of the proxies in front of the gateway (an ingress), in CIDR: their X-Forwarded-For
    /// names the real client, so anonymous callers are counted one by one, not as one ingress address.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];
}

/// <summary>
/// Policy <c>per-client</c> (named by the routes in appsettings.json): a fixed window per caller —
/// the token's subject, so each officer signed in through the portal has their own window rather
/// than sharing the portal client's, and an institution's client (whose subject is its client id)
/// its own — and per client address for anonymous callers such as the token endpoint (the address
/// a trusted proxy forwards). Refusals are 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string PerClient = "per-client";

    public static IServiceCollection AddPerClientRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerClient, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
            }));
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>Honours X-Forwarded-For / -Proto from the configured proxies only (anyone else could forge them).</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        return services.Configure<ForwardedHeadersOptions>(f =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in options.TrustedNetworks) f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    public static string ClientKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "caller:" + context.User.Actor()
            : "address:" + context.Connection.RemoteIpAddress;
}
