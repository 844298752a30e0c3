using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SignauxFaibles.Operations.Broker;

/// <summary>The management API calls sf ops needs: queue statistics of one virtual host.</summary>
public sealed class RabbitMqManagementClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _vhost;

    public RabbitMqManagementClient(BrokerAddress broker, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(broker.Management.GetLeftPart(UriPartial.Authority) + "/api/");
        _http.Timeout = TimeSpan.FromSeconds(15);
        var (user, password) = broker.ManagementCredentials;
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        _vhost = broker.VirtualHost;
    }

    public async Task<IReadOnlyList<QueueStatistics>> QueuesAsync(CancellationToken ct = default)
    {
        // Only the columns shown: the full listing of a busy broker is large.
        const string columns = "name,messages_ready,messages_unacknowledged,consumers,message_stats.publish_details.rate,message_stats.deliver_get_details.rate";
        using var response = await _http.GetAsync($"queues/{Uri.EscapeDataString(_vhost)}?columns={columns}", ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"Virtual host '{_vhost}' does not exist on the broker.");
        }
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var queues = new List<QueueStatistics>();
        foreach (var q in doc.RootElement.EnumerateArray())
        {
            queues.Add(new QueueStatistics(
                q.GetProperty("name").GetString() ?? string.Empty,
                Long(q, "messages_ready"),
                Long(q, "messages_unacknowledged"),
                (int)Long(q, "consumers"),
                Rate(q, "publish_details"),
                Rate(q, "deliver_get_details")));
        }
        return queues.OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
    }

    // Fresh queues have no statistics yet: missing numbers are zero.
    private static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.ValueKind == JsonValueKind.Object
        && stats.TryGetProperty(details, out var d) && d.TryGetProperty("rate", out var r) && r.ValueKind == JsonValueKind.Number
            ? r.GetDouble()
            : 0;

    public void Dispose() => _http.Dispose();
}
