using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SignauxFaibles.ServiceDefaults;

/// <summary>
/// Headers every answer carries, API or page: nothing confidential is stored by a browser or a
/// proxy (no-store), no page may be framed (frame-ancestors, clickjacking), content is what its
/// type says, no address leaks in Referer, scripts and styles come from the service itself, and
/// behind TLS (the scheme an ingress forwards) browsers stick to HTTPS (HSTS).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
