using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SignauxFaibles.Operations.Pipeline;

/// <summary>What waits at a stage of the pipeline, and the age of the oldest item (the services' <c>sf.pipeline.*</c> gauges).</summary>
public sealed record StageLag(string Stage, long Waiting, TimeSpan OldestAge);

/// <summary>
/// The pipeline's lag by stage as the services report it, read from the metrics store (Prometheus:
/// <c>max by (stage)</c> over the instances) rather than measured again here: one definition of each stage.
/// </summary>
public sealed class PipelineLagReader(HttpClient prometheus)
{
    public async Task<IReadOnlyList<StageLag>> ReadAsync(CancellationToken ct)
    {
        var ages = await QueryAsync("max by (stage) (sf_pipeline_oldest_age_seconds)", ct);
        var waiting = await QueryAsync("max by (stage) (sf_pipeline_waiting)", ct);
        return ages.Keys.Union(waiting.Keys).Order(StringComparer.Ordinal)
            .Select(stage => new StageLag(stage, (long)waiting.GetValueOrDefault(stage), TimeSpan.FromSeconds(ages.GetValueOrDefault(stage))))
            .ToList();
    }

    private async Task<Dictionary<string, double>> QueryAsync(string query, CancellationToken ct)
    {
        var answer = await prometheus.GetFromJsonAsync<JsonElement>($"api/v1/query?query={Uri.EscapeDataString(query)}", ct);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var series in answer.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var stage = series.GetProperty("metric").TryGetProperty("stage", out var s) ? s.GetString() ?? "?" : "?";
            values[stage] = double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        return values;
    }
}
