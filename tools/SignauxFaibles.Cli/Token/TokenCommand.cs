using System.CommandLine;

namespace SignauxFaibles.Cli.Token;

/// <summary>
/// <c>sf token</c>: prints an access token for curl and the other sf commands
/// (<c>curl -H "Authorization: Bearer $(sf token --client urssaf)" …</c>).
/// </summary>
internal static class TokenCommand
{
    public const string SecretVariable = "SF_CLIENT_SECRET";

    public static Command Create()
    {
        var issuer = new Option<string>("--issuer") { Description = "Identity service, directly or through the gateway.", DefaultValueFactory = _ => "http://127.0.0.1:5100/" };
        var client = new Option<string?>("--client") { Description = "A configured client (urssaf, dgefp, insee, bdf, dgfip, bvd, altares, ellisphere, sf-ops): client credentials." };
        var secret = new Option<string?>("--secret") { Description = $"The client's secret; default ${SecretVariable}." };
        var scope = new Option<string?>("--scope") { Description = "Scopes to ask for (default: all the client's)." };
        var officer = new Option<string?>("--officer") { Description = "A person of the directory, officer or operator (role ops), by e-mail: authorization code + PKCE through the development login." };
        var acceptTerms = new Option<bool>("--accept-terms") { Description = "As that officer, accept the confidentiality terms if the issuer asks for them (first use, then yearly)." };
        var publicClient = new Option<string>("--client-id") { Description = "Public client used for officers.", DefaultValueFactory = _ => "sf-cli" };
        var redirect = new Option<string>("--redirect-uri") { Description = "Its registered redirect URI (never called: the code is read from the redirection).", DefaultValueFactory = _ => "http://127.0.0.1:7890/callback" };
        var command = new Command("token", "Print an access token for a configured client or a development officer.")
        {
            issuer, client, secret, scope, officer, acceptTerms, publicClient, redirect,
        };
        command.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var (clientId, email) = (r.GetValue(client), r.GetValue(officer));
            if ((clientId is null) == (email is null))
            {
                await error.WriteLineAsync("Give either --client or --officer.");
                return 2;
            }
            var issuerUri = new Uri(r.GetValue(issuer)!.TrimEnd('/') + "/");
            using var tokens = new TokenClient(issuerUri);
            try
            {
                if (clientId is not null)
                {
                    var clientSecret = r.GetValue(secret) ?? Environment.GetEnvironmentVariable(SecretVariable);
                    if (string.IsNullOrEmpty(clientSecret))
                    {
                        await error.WriteLineAsync($"No secret: give --secret or set {SecretVariable}.");
                        return 2;
                    }
                    await output.WriteLineAsync(await tokens.ClientCredentialsAsync(clientId, clientSecret, r.GetValue(scope), ct));
                }
                else
                {
                    await output.WriteLineAsync(await tokens.OfficerAsync(email!, r.GetValue(publicClient)!, new Uri(r.GetValue(redirect)!), r.GetValue(acceptTerms), ct));
                }
                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or System.Text.Json.JsonException)
            {
                await error.WriteLineAsync($"sf token: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
