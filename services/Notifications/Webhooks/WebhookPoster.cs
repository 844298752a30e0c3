using System.Net;
using System.Text;
using SignauxFaibles.Notifications.Deliveries;

namespace SignauxFaibles.Notifications.Webhooks;

/// <summary>POSTs an institution's webhook body (JSON). 2xx is sent; 408, 429 and 5xx are retried; other 4xx are final.</summary>
public sealed class WebhookPoster(IHttpClientFactory clients)
{
    public const string ClientName = "webhooks";

    public async Task<DeliveryOutcome> PostAsync(Delivery delivery, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Recipient) { Content = content };
            request.Headers.Add("Idempotency-Key", delivery.Key);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
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
