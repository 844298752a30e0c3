using System.Net;
using System.Text;
using SignauxFaibles.Notifications.Deliveries;

namespace SignauxFaibles.Notifications.Webhooks;

/// <summary>POSTs an institution's webhook body (JSON). 2xx is sent; 408, 429 and 5xx are retried; other 4xx are final.</summary>
public sealed class WebhookPoster(HttpClient client)
{
    /// <summary>
    /// A client of its own, without the resilience handler the service defaults give every factory
    /// client: the delivery table is the retry policy (recorded, backed off, visible to ops), and
    /// hidden retries below it would only hold the sender's rows locked longer.
    /// </summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<DeliveryOutcome> PostAsync(Delivery delivery, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Recipient) { Content = content };
            request.Headers.Add("Idempotency-Key", delivery.Key);
            using var response = await client.SendAsync(request, ct);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return DeliveryOutcome.Sent;
            if (code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                return DeliveryOutcome.Retry($"HTTP {code}");
            return DeliveryOutcome.Refused($"HTTP {code}");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.Retry(ex.Message);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry("timed out: " + ex.Message);
        }
    }
}
