using System.Diagnostics;

namespace SignauxFaibles.Gateway;

/// <summary>
/// Every request leaves the gateway with an X-Correlation-Id (the caller's when it sent a sane
/// one, else the trace id), forwarded to the service and returned to the caller, so an audit
/// entry, a log line and a support ticket can be joined.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var given = context.Request.Headers[Header].FirstOrDefault();
        var id = IsSane(given) ? given! : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        Activity.Current?.SetTag("correlation.id", id);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        await next(context);
    });

    // A header copied into logs and the audit table: short, and only characters that cannot forge a line.
    private static bool IsSane(string? value) =>
        value is { Length: > 0 and <= 100 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
