using System.CommandLine;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Operations.Traces;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// <c>sf ops screenshots --out DIR [--batch ID]</c>: pictures of the live dashboards run.sh starts
/// (Prometheus' targets, alert rules, the pipeline's lag, the model's drift and the companies on the
/// lists by région; the Aspire dashboard's traces and one
/// delivery's trace), taken in the Debian chromium through Playwright. Each page must show what it
/// is for (every target up, the rules, the delivery's services) or the command fails: a picture of
/// an empty dashboard proves nothing.
/// </summary>
internal static class ScreenshotsCommand
{
    private sealed record Shot(string File, Uri Address, string[] Expected);

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the PNG files.", Required = true };
        var batch = new Option<Guid?>("--batch") { Description = "A delivered batch whose trace to show (default: the latest trace crossing the most services)." };
        var store = new Option<Uri>("--metrics-store") { Description = "Prometheus.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:9090/") };
        var viewer = new Option<Uri>("--viewer") { Description = "The Aspire dashboard.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:18888/") };
        var chromium = new Option<string>("--chromium") { Description = "Chromium executable (Debian package).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SF_CHROMIUM") ?? "/usr/bin/chromium" };
        var command = new Command("screenshots", "Pictures of the live dashboards (Prometheus, Aspire dashboard), each checked to show its data.") { output, batch, store, viewer, chromium };
        command.SetAction(async (r, ct) =>
        {
            var (log, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var (prometheus, dashboard) = (r.GetValue(store)!, r.GetValue(viewer)!);
            var trace = await DeliveryTraceAsync(dashboard, r.GetValue(batch), ct);
            if (trace is null)
            {
                await error.WriteLineAsync($"sf ops screenshots: no delivery trace in the viewer at {dashboard}: deliver a file first (sf load).");
                return 1;
            }
            var expected = await ServiceCountAsync(prometheus, ct);
            // Debian's Prometheus serves the classic web UI only (under /classic).
            Shot[] shots =
            [
                new("prometheus-targets.png", new Uri(prometheus, "classic/targets"), [$"signaux-faibles ({expected}/{expected} up)"]),
                new("prometheus-alert-rules.png", new Uri(prometheus, "classic/alerts"), ["PipelineStageStuck", "OutboxStuck"]),
                new("prometheus-pipeline-lag.png", new Uri(prometheus, "classic/graph?g0.expr=" + Uri.EscapeDataString("max by (stage) (sf_pipeline_waiting)") + "&g0.tab=0&g0.range_input=30m"), ["panel-refresh"]),
                new("prometheus-model-drift.png", new Uri(prometheus, "classic/graph?g0.expr=" + Uri.EscapeDataString("sort_desc(topk(15, max by (feature) (sf_model_feature_psi)))") + "&g0.tab=1"), ["feature="]),
                new("prometheus-lists-by-region.png", new Uri(prometheus, "classic/graph?g0.expr=" + Uri.EscapeDataString("sort_desc(max by (region, period) (sf_scoring_region_alerted))") + "&g0.tab=1"), ["period=\"latest\""]),
                new("aspire-traces.png", new Uri(dashboard, "traces"), ["Showing"]),
                new("aspire-delivery-trace.png", new Uri(dashboard, $"traces/detail/{trace.Value.Id}"), [$"Resources {trace.Value.Services.Length}", "ingest batch"]),
            ];
            if (trace.Value.Services.Length < 4)
            {
                await error.WriteLineAsync($"sf ops screenshots: the delivery's trace {trace.Value.Id} crosses {trace.Value.Services.Length} services, fewer than four.");
                return 1;
            }
            var folder = r.GetValue(output)!;
            folder.Create();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = r.GetValue(chromium),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 950 } });
            var failures = 0;
            foreach (var shot in shots)
            {
                try
                {
                    await page.GotoAsync(shot.Address.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
                    foreach (var text in shot.Expected)
                        await page.GetByText(text).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder.FullName, shot.File) });
                    await log.WriteLineAsync($"{shot.File}: {shot.Address} shows {string.Join(", ", shot.Expected)}");
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    failures++;
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder.FullName, "failed-" + shot.File) });
                    await error.WriteLineAsync($"sf ops screenshots: {shot.Address} does not show {string.Join(", ", shot.Expected)}: {ex.Message.Split('\n')[0]}");
                }
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The trace of <paramref name="batch"/>, or the latest crossing the most services; with its services as the dashboard names them.</summary>
    private static async Task<(string Id, string[] Services)?> DeliveryTraceAsync(Uri dashboard, Guid? batch, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };
        var spans = await new TelemetryApiClient(http).RecentSpansAsync(20_000, ct);
        var candidates = spans.Where(s => batch is null ? s.Attributes.ContainsKey(IngestionMetrics.BatchIdTag) : s.Attributes.GetValueOrDefault(IngestionMetrics.BatchIdTag) == batch.ToString())
            .Select(s => s.TraceId).ToHashSet(StringComparer.Ordinal);
        var best = spans.Where(s => candidates.Contains(s.TraceId)).GroupBy(s => s.TraceId)
            .OrderByDescending(g => g.Select(s => s.Service).Distinct().Count()).ThenByDescending(g => g.Max(s => s.Start)).FirstOrDefault();
        return best is null ? null : (best.Key, best.Select(s => s.Service).Distinct().ToArray());
    }

    /// <summary>How many targets of the services' job Prometheus knows (services.tsv's count).</summary>
    private static async Task<int> ServiceCountAsync(Uri prometheus, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = prometheus, Timeout = TimeSpan.FromSeconds(10) };
        var answer = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("api/v1/targets?state=active", ct);
        return answer.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .Count(t => t.GetProperty("labels").TryGetProperty("job", out var job) && job.GetString() == "signaux-faibles");
    }
}
