using System.Net;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.Cli.Load;

/// <summary>One file delivered through the gateway to its ingestion service, as an institution pushes it: waits for the batch, answers its status and body.</summary>
internal static class GatewayUpload
{
    public static async Task<(HttpStatusCode Status, string Answer)> SendAsync(HttpClient gateway, string route, IFileKind kind, FileInfo file, string token, CancellationToken ct)
    {
        await using var body = file.OpenRead();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{route}/api/files/{kind.Name}?wait=true&fileName={Uri.EscapeDataString(file.Name)}")
        {
            Content = new StreamContent(body),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await gateway.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}
