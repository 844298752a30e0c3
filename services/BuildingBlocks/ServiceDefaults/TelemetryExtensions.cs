using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SignauxFaibles.Messaging;

namespace SignauxFaibles.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>Meters and activity sources of our own building blocks and services start with this prefix.</summary>
    public const string Prefix = "SignauxFaibles";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(InstrumentationOptions.MeterName, "Npgsql", MessagingMetrics.Name, Prefix + ".*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(DiagnosticHeaders.DefaultListenerName, MessagingMetrics.Name, Prefix + ".*")
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotInfrastructure)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddProcessor(new UntracedStatements()));

        // OTLP only when an endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT), e.g. a collector in compose.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    // Probes and scrapes would drown the traces that matter.
    private static bool IsNotInfrastructure(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
}
