using System.CommandLine;
using System.Net;
using System.Text.Json;
using SignauxFaibles.Cli.Load;
using SignauxFaibles.Cli.Model;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Ingestion.Changes;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// <c>sf ops republish KIND</c>: has a stock (e.g. sirene-etablissement) publish its whole current
/// state again through its ingestion service, for a consumer added after the stock was delivered.
/// Exit codes: 0 published, 1 refused or failed, 2 usage or connection error.
/// </summary>
internal static class RepublishCommand
{
    public static Command Create()
    {
        var stocks = LoadCommand.Services.SelectMany(s => s.Kinds.OfType<IChangeTrackedKind>().Select(k => k.Name)).ToList();
        var kind = new Argument<string>("kind") { Description = $"The stock: {string.Join(", ", stocks)}." };
        var wait = new Option<bool>("--wait") { Description = "Wait until every record is published (else answer once the batch is accepted)." };
        var (gateway, token) = (ModelRegisterCommand.GatewayOption(), ApiToken.Option("the ingestion service (client sf-ops)"));
        var command = new Command("republish", "Publish a stock's whole current state again (audited), e.g. for a consumer added later.") { kind, wait, gateway, token };
        command.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var name = r.GetValue(kind)!;
            var route = LoadCommand.Services.FirstOrDefault(s => s.Kinds.Any(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))).Route;
            if (route is null)
            {
                await error.WriteLineAsync($"sf ops republish: unknown kind '{name}'; stocks: {string.Join(", ", stocks)}.");
                return 2;
            }
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(r.GetValue(gateway)!, $"{route}/"), Timeout = TimeSpan.FromHours(2) }.Authorize(r.GetValue(token));
                using var response = await http.PostAsync($"api/republications/{Uri.EscapeDataString(name)}?wait={(r.GetValue(wait) ? "true" : "false")}", null, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Created)
                {
                    await output.WriteLineAsync($"sf ops republish: {name} → {route}: {Summary(body)}");
                    return 0;
                }
                await error.WriteLineAsync($"sf ops republish: {name} → {route}: HTTP {(int)response.StatusCode} {body}");
                return 1;
            }
            catch (HttpRequestException ex)
            {
                await error.WriteLineAsync($"sf ops republish: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string Summary(string body)
    {
        using var json = JsonDocument.Parse(body);
        var b = json.RootElement;
        return $"batch {b.GetProperty("id").GetString()} {b.GetProperty("status").GetString()}, {b.GetProperty("recordsPublished").GetInt64()} records published";
    }
}
