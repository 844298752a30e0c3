using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SignauxFaibles.Operations.Traces;

/// <summary>
/// Reads spans back from the local trace viewer (the standalone Aspire dashboard run.sh starts) through
/// its telemetry API: <c>/api/telemetry/spans</c> and <c>/api/telemetry/traces/{id}</c>, OTLP/JSON
/// grouped by resource; the service is the resource's <c>service.name</c>.
/// </summary>
public sealed class TelemetryApiClient(HttpClient http)
{
    /// <summary>The most recent spans, newest last, up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<TraceSpan>> RecentSpansAsync(int limit, CancellationToken ct) =>
        await ReadAsync($"api/telemetry/spans?limit={limit}", ct) ?? [];

    /// <summary>Every span of a trace; null when the viewer does not hold it (any more).</summary>
    public Task<IReadOnlyList<TraceSpan>?> TraceAsync(string traceId, CancellationToken ct) =>
        ReadAsync($"api/telemetry/traces/{Uri.EscapeDataString(traceId)}", ct);

    private async Task<IReadOnlyList<TraceSpan>?> ReadAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        // An unknown path answers the dashboard's HTML page with 200: only JSON is an answer.
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            throw new InvalidDataException($"{http.BaseAddress}{path} did not answer JSON: is it the Aspire dashboard (run.sh's trace viewer)?");
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return Parse(root);
    }

    public static IReadOnlyList<TraceSpan> Parse(JsonElement root)
    {
        var spans = new List<TraceSpan>();
        if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resources)) return spans;
        foreach (var resource in resources.EnumerateArray())
        {
            var service = Attributes(resource.GetProperty("resource")).GetValueOrDefault("service.name", "?");
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            foreach (var span in scope.GetProperty("spans").EnumerateArray())
            {
                spans.Add(new TraceSpan(
                    span.GetProperty("traceId").GetString()!,
                    span.GetProperty("spanId").GetString()!,
                    span.TryGetProperty("parentSpanId", out var parent) && parent.GetString() is { Length: > 0 } p ? p : null,
                    service,
                    span.GetProperty("name").GetString() ?? "",
                    FromUnixNanoseconds(span.GetProperty("startTimeUnixNano").GetString()!),
                    FromUnixNanoseconds(span.GetProperty("endTimeUnixNano").GetString()!),
                    Attributes(span),
                    span.TryGetProperty("status", out var status) && status.TryGetProperty("code", out var code) && code.GetInt32() == 2));
            }
        }
        return spans.OrderBy(s => s.Start).ToList();
    }

    private static Dictionary<string, string> Attributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!owner.TryGetProperty("attributes", out var list)) return attributes;
        foreach (var attribute in list.EnumerateArray())
        {
            var value = attribute.GetProperty("value");
            // The viewer gives every value as text; other OTLP value kinds are read as their raw JSON.
            attributes[attribute.GetProperty("key").GetString()!] = value.TryGetProperty("stringValue", out var text) ? text.GetString() ?? "" : value.ToString();
        }
        return attributes;
    }

    private static DateTimeOffset FromUnixNanoseconds(string nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(long.Parse(nanoseconds, CultureInfo.InvariantCulture) / 100);
}
