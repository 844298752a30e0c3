using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SignauxFaibles.Operations.Metrics;

/// <summary>One series of an instant query: its labels and value.</summary>
public sealed record MetricSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.GetValueOrDefault(name, "?");
}

/// <summary>Instant queries to the metrics store (Prometheus' <c>/api/v1/query</c>), for the tools that show what the services measured.</summary>
public sealed class PrometheusQuery(HttpClient prometheus)
{
    public async Task<IReadOnlyList<MetricSample>> InstantAsync(string query, CancellationToken ct)
    {
        var answer = await prometheus.GetFromJsonAsync<JsonElement>($"api/v1/query?query={Uri.EscapeDataString(query)}", ct);
        var samples = new List<MetricSample>();
        foreach (var series in answer.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            samples.Add(new MetricSample(labels, double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)));
        }
        return samples;
    }
}
