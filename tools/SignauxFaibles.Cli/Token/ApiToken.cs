using System.CommandLine;
using System.Net.Http.Headers;

namespace SignauxFaibles.Cli.Token;

/// <summary>The <c>--token</c> option of the commands calling a service's API (default <c>$SF_TOKEN</c>, e.g. from <c>sf token</c>).</summary>
internal static class ApiToken
{
    public const string Variable = "SF_TOKEN";

    public static Option<string?> Option(string what) => new("--token")
    {
        Description = $"Bearer token for {what} (sf token …); default ${Variable}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Variable),
    };

    public static HttpClient Authorize(this HttpClient http, string? token)
    {
        if (!string.IsNullOrWhiteSpace(token)) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
