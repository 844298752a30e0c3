using System.CommandLine;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SignauxFaibles.Cli.Token;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model register --model DIR [--promote]</c>: sends a trained model folder (e.g.
/// <c>sf model train</c>'s <c>production/</c>, with its report, metrics, features, training
/// fingerprint and code version) to the registry through the gateway, and promotes it on request.
/// The promotion gate's refusal is printed with its reasons and the command fails.
/// </summary>
internal static class ModelRegisterCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder with model.json (sf model train's production/).", Required = true };
        var promote = new Option<bool>("--promote") { Description = "Make the registered version the active one (rescores the perimeter), unless the promotion gate refuses it." };
        var (gateway, token) = (GatewayOption(), ApiToken.Option("the registry (client sf-ops)"));
        var command = new Command("register", "Register a trained model in the scoring service's registry, and promote it on request.") { model, promote, gateway, token };
        command.SetAction(async (r, ct) =>
        {
            try
            {
                return await RegisterAsync(r.GetValue(model)!, r.GetValue(promote), r.GetValue(gateway)!, r.GetValue(token), r.InvocationConfiguration.Output, ct);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidDataException or JsonException)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"sf model register: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    public static Option<Uri> GatewayOption() =>
        new("--gateway") { Description = "Gateway of the running platform.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5100/") };

    /// <summary>Through the gateway: the scoring service is behind <c>scoring/</c>.</summary>
    public static async Task<int> RegisterAsync(DirectoryInfo folder, bool promote, Uri gateway, string? token, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(gateway, "scoring/"), Timeout = TimeSpan.FromMinutes(10) }.Authorize(token);
        return await RegisterAsync(folder, promote, http, output, ct);
    }

    /// <param name="scoring">A client of the scoring service (its base address the service's root).</param>
    /// <returns>0 when registered (and promoted if asked), 3 when the promotion gate refused the version.</returns>
    public static async Task<int> RegisterAsync(DirectoryInfo folder, bool promote, HttpClient scoring, TextWriter output, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(folder.FullName, "model.json"))) throw new IOException($"'{folder.FullName}' holds no model.json");
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(folder.FullName, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        var http = scoring;
        using var registered = await http.PostAsync("api/models", new ByteArrayContent(zip.ToArray()), ct);
        if (!registered.IsSuccessStatusCode)
            throw new HttpRequestException($"the registry answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(ct)}");
        var version = (await registered.Content.ReadFromJsonAsync<RegisteredVersion>(ct))!;
        await output.WriteLineAsync($"sf model register: {folder.Name} registered as {version.Version} ({version.Name}), trained on {version.TrainingFingerprint}, code {version.CodeVersion}");
        if (!promote) return 0;

        using var promoted = await http.PostAsync($"api/models/{version.Version}/promote", null, ct);
        if (promoted.StatusCode == HttpStatusCode.Conflict)
        {
            var refusal = await promoted.Content.ReadFromJsonAsync<JsonElement>(ct);
            await output.WriteLineAsync($"sf model register: promotion of {version.Version} refused: {refusal.GetProperty("detail").GetString()}");
            if (refusal.TryGetProperty("reasons", out var reasons))
                foreach (var reason in reasons.EnumerateArray()) await output.WriteLineAsync($"  - {reason.GetString()}");
            return 3;
        }
        if (!promoted.IsSuccessStatusCode)
            throw new HttpRequestException($"the promotion answered {(int)promoted.StatusCode}: {await promoted.Content.ReadAsStringAsync(ct)}");
        await output.WriteLineAsync($"sf model register: {version.Version} is the active version; the perimeter is being rescored ({promoted.Headers.Location})");
        return 0;
    }

    private sealed record RegisteredVersion(string Version, string Name, string? TrainingFingerprint, string? CodeVersion);
}
