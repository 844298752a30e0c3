using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SignauxFaibles.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Telemetry, health, HTTP client resilience, problem details and OpenAPI for a service.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddHealth();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseAwayHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    /// <summary>
    /// /health/live, /health/ready, /metrics (Prometheus) and /openapi/v1.json, all anonymous: probes
    /// and scrapers carry no token, and the API description holds no data.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
