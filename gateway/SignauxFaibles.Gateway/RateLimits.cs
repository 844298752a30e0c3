using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Gateway;

/// <summary>Section <c>Gateway:RateLimit</c>: requests allowed to one client per window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    public int PermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Policy <c>per-client</c> (named by the routes in appsettings.json): a fixed window per token
/// client (or subject), per remote address for anonymous callers such as the token endpoint.
/// Refusals are 429 with Retry-After.
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

    private static string ClientKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "client:" + (context.User.FindFirst(SfClaims.ClientId)?.Value ?? context.User.Actor())
            : "address:" + context.Connection.RemoteIpAddress;
}
