using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SignauxFaibles.Cli.Token;

/// <summary>
/// Obtains access tokens from the identity service (directly or through the gateway's /connect
/// routes): client credentials for a configured client, authorization code + PKCE for an officer
/// through the development login form.
/// </summary>
internal sealed class TokenClient(Uri issuer) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;

    private HttpClient Http => _http ??= new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
    {
        BaseAddress = issuer,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<string> ClientCredentialsAsync(string clientId, string secret, string? scope, CancellationToken ct)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (!string.IsNullOrWhiteSpace(scope)) form["scope"] = scope;
        return await TokenAsync(form, ct);
    }

    /// <summary>The officer's sign-in as a browser would do it: authorize, the login form, the redirect with the code, the exchange.</summary>
    public async Task<string> OfficerAsync(string email, string clientId, Uri redirectUri, bool acceptTerms, CancellationToken ct)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = QueryHelpers.AddQueryString("connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["scope"] = "openid email profile",
            ["redirect_uri"] = redirectUri.ToString(), ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state,
        });

        var toLogin = Redirect(await Http.GetAsync(authorize, ct), "the authorization endpoint");
        var returnUrl = QueryHelpers.ParseQuery(toLogin.Query).TryGetValue("ReturnUrl", out var value) ? value.ToString()
            : throw new InvalidOperationException($"The issuer did not send to its login form but to {toLogin}.");
        var signedIn = await Http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["returnUrl"] = returnUrl }), ct);
        if (signedIn.StatusCode == HttpStatusCode.Unauthorized) throw new InvalidOperationException($"{email} is not an active officer of the directory.");
        var back = Redirect(signedIn, "the login form");
        var callback = Redirect(await Http.GetAsync(back, ct), "the authorization endpoint after sign-in");
        if (callback.AbsolutePath.EndsWith("/account/terms", StringComparison.Ordinal))
        {
            // The issuer asks for the confidentiality terms before any token (first use, then yearly).
            if (!acceptTerms)
            {
                throw new InvalidOperationException($"{email} has not acknowledged the confidentiality terms (or did so over a year ago): "
                    + "read them at the portal's sign-in, or pass --accept-terms to accept them yourself, as that officer.");
            }
            callback = Redirect(await AcceptTermsAsync(callback, ct), "the terms form");
            callback = Redirect(await Http.GetAsync(callback, ct), "the authorization endpoint after the terms");
        }
        var answer = QueryHelpers.ParseQuery(callback.Query);
        if (answer.TryGetValue("error", out var error)) throw new InvalidOperationException($"Authorization refused: {error} {answer.GetValueOrDefault("error_description")}");
        if (answer.GetValueOrDefault("state").ToString() != state) throw new InvalidOperationException("The authorization answer carries another state.");
        return await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = answer["code"].ToString(),
            ["redirect_uri"] = redirectUri.ToString(), ["code_verifier"] = verifier,
        }, ct);
    }

    /// <summary>Reads the terms page (its antiforgery token) and posts the acceptance.</summary>
    private async Task<HttpResponseMessage> AcceptTermsAsync(Uri terms, CancellationToken ct)
    {
        var page = await Http.GetStringAsync(terms, ct);
        var field = System.Text.RegularExpressions.Regex.Match(page, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"");
        if (!field.Success) throw new InvalidOperationException("The terms page carries no form token.");
        var returnUrl = QueryHelpers.ParseQuery(terms.Query).GetValueOrDefault("returnUrl").ToString();
        return await Http.PostAsync(terms.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value), ["returnUrl"] = returnUrl, ["accept"] = "true",
        }), ct);
    }

    private async Task<string> TokenAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        using var response = await Http.PostAsync("connect/token", new FormUrlEncodedContent(form), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode || !body.TryGetProperty("access_token", out var token))
        {
            var why = body.TryGetProperty("error_description", out var d) ? d.GetString() : body.ToString();
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {why}");
        }
        return token.GetString()!;
    }

    private Uri Redirect(HttpResponseMessage response, string what) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(Http.BaseAddress!, location))
            : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode} instead of a redirection.");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _http?.Dispose();
}
