using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using SignauxFaibles.Identity;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Identity.Officers;
using SignauxFaibles.Identity.Terms;
using SignauxFaibles.IntegrationTests.Gateway;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Identity;

/// <summary>
/// Production sign-in: the issuer has no login form of its own and sends officers to an external
/// OpenID Connect provider (ProConnect in production). Here the provider is a second identity
/// service started by the test, a standard OIDC provider with its own accounts. The person it
/// vouches for is mapped to the directory by e-mail, accepts the terms, and gets the directory's
/// claims; a person the directory does not know gets nothing.
/// </summary>
public sealed partial class FederationTests
{
    private const string Officer = "claire.martin@dreets.example.fr";
    private const string Stranger = "someone.else@example.fr";
    private const string Callback = "http://127.0.0.1:7890/callback";

    [Fact]
    public async Task An_officer_signs_in_through_an_external_provider_and_gets_the_directorys_claims()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var (issuerPort, providerPort) = (GatewayHost.FreePort(), GatewayHost.FreePort());
        var (issuer, provider) = ($"http://127.0.0.1:{issuerPort}/", $"http://127.0.0.1:{providerPort}/");
        await using var externalProvider = new ServiceFactory<IdentityService>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = env.DatabaseConnectionString("provider"),
            ["ConnectionStrings:rabbitmq"] = env.BrokerConnectionString("identity"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Identity:Issuer"] = provider,
            ["Identity:DevelopmentLogin"] = "true",
            ["Identity:Clients:signaux-faibles:Public"] = "true",
            ["Identity:Clients:signaux-faibles:RedirectUris:0"] = issuer + "signin-external",
        }).StartedOn(providerPort);
        await using var identity = new ServiceFactory<IdentityService>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = env.DatabaseConnectionString("identity"),
            ["ConnectionStrings:rabbitmq"] = env.BrokerConnectionString("identity"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Identity:Issuer"] = issuer,
            ["Identity:DevelopmentLogin"] = "false",
            ["Identity:External:Authority"] = provider,
            ["Identity:External:ClientId"] = "signaux-faibles",
            ["Identity:External:RequireHttpsMetadata"] = "false",
        }).StartedOn(issuerPort);

        // The provider knows both people (its own accounts); our directory knows only the officer.
        foreach (var email in new[] { Officer, Stranger })
        {
            await SeedAsync(externalProvider.Services, email, "PROVIDER", [], withTerms: true);
        }
        await SeedAsync(identity.Services, Officer, "DREETS", ["urssaf", "score"], withTerms: false);

        // No development form on the federating issuer.
        using (var http = new HttpClient { BaseAddress = new Uri(issuer) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("account/login")).StatusCode);
        }

        var (token, pages) = await SignInAsync(issuer, Officer);
        var jwt = new JsonWebToken(token);
        Assert.Equal(Officer, jwt.Subject);
        Assert.Equal("DREETS", jwt.GetClaim("institution").Value);
        Assert.Equal(["score", "urssaf"], jwt.Claims.Where(c => c.Type == "right").Select(c => c.Value).Order());
        Assert.Equal(["dep:21"], jwt.Claims.Where(c => c.Type == "territory").Select(c => c.Value));
        Assert.True(jwt.TryGetClaim("terms_acknowledged_at", out _));
        // The person typed their e-mail at the provider, then read our terms at our issuer.
        Assert.Contains(pages, p => p.StartsWith(provider + "account/login", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.StartsWith(issuer + "account/terms", StringComparison.Ordinal));

        // Vouched for by the provider but not in the directory: no token.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SignInAsync(issuer, Stranger));
        Assert.Contains("access_denied", refused.Message);
    }

    private static Task SeedAsync(IServiceProvider services, string email, string institution, List<string> rights, bool withTerms) =>
        Db.QueryAsync<IdentityDbContext, int>(services, async db =>
        {
            db.Officers.Add(new DirectoryOfficer
            {
                Email = email, Name = email, Institution = institution, Rights = rights, Departements = ["21"], ChangedAt = DateTimeOffset.UtcNow,
            });
            if (withTerms) db.TermsAcknowledgements.Add(new TermsAcknowledgement { Email = email, AcknowledgedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

    /// <summary>A browser's walk, without a browser: redirects followed by hand, the provider's login form and our terms form filled.</summary>
    private static async Task<(string Token, List<string> Pages)> SignInAsync(string issuer, string email)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var next = new Uri(QueryHelpers.AddQueryString(issuer + "connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "sf-cli", ["response_type"] = "code", ["scope"] = "openid email profile", ["redirect_uri"] = Callback,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s1",
        }));
        var pages = new List<string>();
        for (var hop = 0; hop < 30; hop++)
        {
            pages.Add(next.ToString());
            using var response = await http.GetAsync(next);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                var location = new Uri(next, response.Headers.Location!);
                if (location.ToString().StartsWith(Callback, StringComparison.Ordinal)) return (await ExchangeAsync(issuer, location, verifier), pages);
                next = location;
                continue;
            }
            var page = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{next}: {(int)response.StatusCode} {page}");
            using var posted = next.AbsolutePath switch
            {
                "/account/login" => await http.PostAsync(new Uri(next, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
                    { ["email"] = email, ["returnUrl"] = QueryHelpers.ParseQuery(next.Query)["ReturnUrl"].ToString() })),
                "/account/terms" => await http.PostAsync(new Uri(next, "/account/terms"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    [AntiforgeryField().Match(page).Groups[1].Value] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[2].Value),
                    ["returnUrl"] = QueryHelpers.ParseQuery(next.Query)["returnUrl"].ToString(), ["accept"] = "true",
                })),
                _ => throw new InvalidOperationException($"Unexpected page {next}"),
            };
            if (posted.Headers.Location is null) throw new InvalidOperationException($"{next} form: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
            next = new Uri(next, posted.Headers.Location);
        }
        throw new InvalidOperationException("Too many redirections.");
    }

    private static async Task<string> ExchangeAsync(string issuer, Uri callback, string verifier)
    {
        var answer = QueryHelpers.ParseQuery(callback.Query);
        if (answer.TryGetValue("error", out var error)) throw new InvalidOperationException($"Authorization refused: {error}");
        using var http = new HttpClient();
        using var response = await http.PostAsync(issuer + "connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "sf-cli", ["code"] = answer["code"].ToString(), ["redirect_uri"] = Callback, ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
