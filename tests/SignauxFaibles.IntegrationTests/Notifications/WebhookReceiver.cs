using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>An institution's webhook endpoint: answers 503 to the first call (a hiccup), then 200, and keeps what it was sent.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _calls;

    public WebhookReceiver()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(HttpStatusCode Answer, string Body, string? IdempotencyKey)> Calls { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var answer = Interlocked.Increment(ref _calls) == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
            Calls.Enqueue((answer, body, context.Request.Headers["Idempotency-Key"]));
            context.Response.StatusCode = (int)answer;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
