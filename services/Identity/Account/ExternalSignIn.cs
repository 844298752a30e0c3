using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Identity.Account;

/// <summary>
/// Section <c>Identity:External</c>: the OpenID Connect provider officers sign in with in production
/// (ProConnect, or any standard provider). Its answer names a person by e-mail; the directory says
/// whether that person is an officer and what they may see.
/// </summary>
public sealed class ExternalProviderOptions
{
    public Uri? Authority { get; set; }
    public string? ClientId { get; set; }

    /// <summary>From the environment or a secret store; none for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = "ProConnect";
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>ProConnect also wants <c>given_name</c>, <c>usual_name</c> and <c>siret</c> asked for; e-mail is what the directory needs.</summary>
    public List<string> Scopes { get; set; } = ["openid", "email"];

    public bool Enabled => Authority is not null && !string.IsNullOrWhiteSpace(ClientId);
}

public static class ExternalSignIn
{
    public const string Scheme = "external";
    public const string CallbackPath = "/signin-external";

    /// <summary>The scheme that signs a person in: the external provider when configured, else this service's own form (Development only).</summary>
    public static string ChallengeScheme(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExternalProviderOptions>>().Value.Enabled
            ? Scheme
            : CookieAuthenticationDefaults.AuthenticationScheme;

    public static AuthenticationBuilder AddExternalProvider(this AuthenticationBuilder authentication, ExternalProviderOptions options)
    {
        if (!options.Enabled) return authentication;
        return authentication.AddOpenIdConnect(Scheme, options.DisplayName, oidc =>
        {
            oidc.Authority = options.Authority!.ToString();
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ClientSecret;
            oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            oidc.CallbackPath = CallbackPath;
            oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            // ProConnect gives the e-mail at the userinfo endpoint; other providers in the ID token (read either way).
            oidc.GetClaimsFromUserInfoEndpoint = true;
            oidc.Scope.Clear();
            foreach (var scope in options.Scopes) oidc.Scope.Add(scope);
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            foreach (var c in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
            {
                c.SameSite = SameSiteMode.Lax;
                c.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            oidc.Events.OnTicketReceived = KeepTheEmailOnly;
        });
    }

    /// <summary>
    /// This service's session holds the person's e-mail (lower case) and nothing else from the
    /// provider: the officer's claims come from the directory when a token is issued.
    /// </summary>
    private static Task KeepTheEmailOnly(TicketReceivedContext context)
    {
        var email = context.Principal?.FindFirst(SfClaims.Email)?.Value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            context.Fail("The provider did not give an e-mail address.");
            return Task.CompletedTask;
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SfClaims.Email, email)], CookieAuthenticationDefaults.AuthenticationScheme));
        return Task.CompletedTask;
    }
}
