using System.CommandLine;
using SignauxFaibles.Operations.Model;
using SignauxFaibles.Operations.Pipeline;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Ops;

/// <summary><c>sf ops status [--watch SECONDS]</c>: queues, consumers, outbox backlogs, running batches, the pipeline's lag by stage and the model's drift on one screen.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var prefix = new Option<string>("--database-prefix")
        {
            Description = "Read the service databases whose name starts with this.",
            DefaultValueFactory = _ => StatusCollector.DefaultDatabasePrefix,
        };
        var watch = new Option<int?>("--watch") { Description = "Refresh every this many seconds until Ctrl+C." };
        var metrics = new Option<Uri>("--metrics-store")
        {
            Description = "Prometheus holding the services' metrics, for the pipeline's lag by stage (run.sh's by default).",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("SF_METRICS_STORE") ?? "http://127.0.0.1:9090/"),
        };
        var command = new Command("status", "One screen: queue depths and consumers, error queues, outbox backlogs, running batches, the pipeline's lag by stage, the model's drift.")
        {
            prefix, watch, metrics,
        };
        command.SetAction(async (parse, ct) =>
        {
            StatusCollector collector;
            try
            {
                collector = new StatusCollector(OpsConnection.Broker(parse), OpsConnection.PostgresServer(parse), parse.GetValue(prefix)!);
            }
            catch (UriFormatException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops status: {ex.Message}");
                return 1;
            }
            var console = OpsConnection.Console(parse);
            using var prometheus = new HttpClient { BaseAddress = parse.GetValue(metrics), Timeout = TimeSpan.FromSeconds(5) };
            var lags = new PipelineLagReader(prometheus);
            var models = new ModelWatchReader(prometheus);
            if (parse.GetValue(watch) is not { } seconds)
            {
                var status = await collector.CollectAsync(ct);
                StatusView.Render(console, status);
                StatusView.RenderLag(console, await ReadAsync(lags.ReadAsync, prometheus.BaseAddress!, ct));
                StatusView.RenderModel(console, await ReadAsync(models.ReadAsync, prometheus.BaseAddress!, ct));
                return status.Problems.Count == 0 ? 0 : 1;
            }
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var status = await collector.CollectAsync(ct);
                    var lag = await ReadAsync(lags.ReadAsync, prometheus.BaseAddress!, ct);
                    var model = await ReadAsync(models.ReadAsync, prometheus.BaseAddress!, ct);
                    console.Clear(home: true);
                    StatusView.Render(console, status);
                    StatusView.RenderLag(console, lag);
                    StatusView.RenderModel(console, model);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, seconds)), ct);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C ends the watch.
            }
            return 0;
        });
        return command;
    }

    /// <summary>What the services measured, from the metrics store, or why it cannot be shown: a missing store is no platform problem.</summary>
    private static async Task<(T? Value, string? Unavailable)> ReadAsync<T>(Func<CancellationToken, Task<T>> read, Uri store, CancellationToken ct) where T : class
    {
        try
        {
            return (await read(ct), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return (null, $"no metrics store at {store} ({ex.Message})");
        }
    }
}
