using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SignauxFaibles.Testing;

/// <summary>The few RabbitMQ management API calls tests need: vhosts, connections, queue depths.</summary>
public sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqManagement(Uri management)
    {
        _http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority) + "/api/") };
        var user = Uri.UnescapeDataString(management.UserInfo);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
    }

    public async Task CreateVirtualHostAsync(string vhost, string user)
    {
        (await _http.PutAsync($"vhosts/{Uri.EscapeDataString(vhost)}", null)).EnsureSuccessStatusCode();
        var permissions = JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" });
        (await _http.PutAsync($"permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user)}", permissions)).EnsureSuccessStatusCode();
    }

    /// <summary>Creates (or updates) a broker user and sets its permissions on one virtual host.</summary>
    public async Task SetUserAsync(string user, string password, string vhost, string configure, string write, string read)
    {
        var name = Uri.EscapeDataString(user);
        (await _http.PutAsync($"users/{name}", JsonContent.Create(new { password, tags = "" })).ConfigureAwait(false)).EnsureSuccessStatusCode();
        var permissions = JsonContent.Create(new { configure, write, read });
        (await _http.PutAsync($"permissions/{Uri.EscapeDataString(vhost)}/{name}", permissions).ConfigureAwait(false)).EnsureSuccessStatusCode();
    }

    public async Task DeleteUserAsync(string user) =>
        await _http.DeleteAsync($"users/{Uri.EscapeDataString(user)}");

    public async Task DeleteVirtualHostAsync(string vhost) =>
        await _http.DeleteAsync($"vhosts/{Uri.EscapeDataString(vhost)}");

    /// <summary>Closes every client connection of a vhost, as a broker restart or a network cut would.</summary>
    public async Task<int> CloseConnectionsAsync(string vhost)
    {
        // The management API lists connections from statistics collected every few seconds: a
        // connection opened just before may not be listed yet, so wait (10 s at most) for one.
        var doc = JsonDocument.Parse(await _http.GetStringAsync($"vhosts/{Uri.EscapeDataString(vhost)}/connections"));
        for (var attempt = 0; attempt < 20 && doc.RootElement.GetArrayLength() == 0; attempt++)
        {
            doc.Dispose();
            await Task.Delay(500);
            doc = JsonDocument.Parse(await _http.GetStringAsync($"vhosts/{Uri.EscapeDataString(vhost)}/connections"));
        }
        using var listed = doc;
        var closed = 0;
        foreach (var connection in listed.RootElement.EnumerateArray())
        {
            var name = connection.GetProperty("name").GetString()!;
            var response = await _http.DeleteAsync($"connections/{Uri.EscapeDataString(name)}");
            if (response.IsSuccessStatusCode) closed++;
        }
        return closed;
    }

    /// <summary>Messages waiting in a queue (ready + unacknowledged); 0 when the queue does not exist.</summary>
    public async Task<long> QueueDepthAsync(string vhost, string queue)
    {
        var response = await _http.GetAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return 0;
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
    }

    /// <summary>Whether a queue has been declared.</summary>
    public async Task<bool> QueueExistsAsync(string vhost, string queue)
    {
        var response = await _http.GetAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return false;
        response.EnsureSuccessStatusCode();
        return true;
    }

    public void Dispose() => _http.Dispose();
}
