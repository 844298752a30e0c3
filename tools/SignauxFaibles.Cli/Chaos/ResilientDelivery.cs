using System.Net;
using System.Text.Json;
using SignauxFaibles.Cli.Load;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>What became of one delivered file: the batch that holds it and how many attempts it took.</summary>
internal sealed record DeliveryOutcome(string File, string Route, Guid? BatchId, string Status, int Attempts, string? Error);

/// <summary>
/// Delivers files through the gateway the way an institution would during an incident: an answer
/// from a service that is down (5xx, no connection, a cut answer) is followed by the same file again
/// until the platform takes it; the same bytes delivered twice answer the original batch.
/// </summary>
internal sealed class ResilientDelivery(Uri gateway, string secret, TimeSpan giveUpAfter, TextWriter log) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(10) };
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>Tokens of every feed, taken before any fault (the identity service may be killed later).</summary>
    public async Task PrepareAsync(IEnumerable<IFileKind> kinds, CancellationToken ct)
    {
        using var client = new TokenClient(gateway);
        foreach (var feed in kinds.Select(k => k.Feed()).Distinct())
        {
            _tokens[feed] = await client.ClientCredentialsAsync(feed, secret, scope: null, ct);
        }
    }

    public async Task<DeliveryOutcome> DeliverAsync(string route, IFileKind kind, FileInfo file, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            string? problem;
            try
            {
                var (status, answer) = await GatewayUpload.SendAsync(_http, route, kind, file, _tokens[kind.Feed()], ct);
                if ((int)status < 500 && status != HttpStatusCode.TooManyRequests)
                {
                    return Outcome(file, route, status, answer, attempt);
                }
                problem = $"HTTP {(int)status}";
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                problem = ex.GetType().Name;
            }
            if (DateTime.UtcNow - started > giveUpAfter) return new DeliveryOutcome(file.Name, route, null, "NotDelivered", attempt, problem);
            if (attempt == 1) await log.WriteLineAsync($"  {file.Name} → {route}: {problem}; delivering again until taken");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    private static DeliveryOutcome Outcome(FileInfo file, string route, HttpStatusCode status, string answer, int attempts)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var i) && i.TryGetGuid(out var g) ? g : (Guid?)null;
            var state = root.TryGetProperty("status", out var s) ? s.GetString() ?? "?" : $"HTTP {(int)status}";
            return new DeliveryOutcome(file.Name, route, id, state, attempts, id is null ? answer : null);
        }
        catch (JsonException)
        {
            return new DeliveryOutcome(file.Name, route, null, $"HTTP {(int)status}", attempts, answer);
        }
    }

    public void Dispose() => _http.Dispose();
}
