using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Portal.Login;

/// <summary>
/// Officers sign in at the identity service (authorization code + PKCE, public client): the portal
/// keeps the access token in its encrypted cookie and calls every service with it, so each service
/// applies access.md to the officer as if called directly — the portal holds no rights of its own.
/// </summary>
public static class PortalAuthentication
{
    public const string CookieName = "sf.portal";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PortalOptions.Section);
        builder.Services.Configure<PortalOptions>(section);
        var options = section.Get<PortalOptions>() ?? new();
        if (options.Authority is null) throw new InvalidOperationException("Portal:Authority (the identity service's URL) is required.");

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The session ends with the access token it carries (OnTokenValidated sets ExpiresUtc).
                cookie.SlidingExpiration = false;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.Authority.ToString();
                oidc.ClientId = options.ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "email", "profile" }) oidc.Scope.Add(scope);
                oidc.TokenValidationParameters.NameClaimType = "name";
                // The code comes back by redirect (GET), so Lax cookies suffice: SameSite=None cookies
                // must be Secure, and a developer's machine runs without TLS (Secure follows the request).
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                foreach (var c in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                {
                    c.SameSite = SameSiteMode.Lax;
                    c.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
                oidc.Events.OnTokenValidated = CopyOfficerClaims;
            });
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.Configure<ForwardedHeadersOptions>(f =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in options.TrustedNetworks) f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }

    /// <summary>
    /// The officer's institution, rights and territories are in the access token (the services read
    /// them there); the portal copies them into its session to show the zone and which sections open.
    /// </summary>
    private static Task CopyOfficerClaims(TokenValidatedContext context)
    {
        var accessToken = context.TokenEndpointResponse?.AccessToken;
        if (string.IsNullOrEmpty(accessToken) || context.Principal?.Identity is not ClaimsIdentity identity) return Task.CompletedTask;
        var token = new JsonWebToken(accessToken);
        foreach (var claim in token.Claims.Where(c => c.Type is SfClaims.Institution or SfClaims.Right or SfClaims.Territory or SfClaims.TermsAcknowledgedAt))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }
        context.Properties!.ExpiresUtc = token.ValidTo;
        context.Properties.IsPersistent = false;
        return Task.CompletedTask;
    }

    /// <summary>The officer's access token, kept in the session cookie by the sign-in.</summary>
    public static Task<string?> AccessTokenAsync(this HttpContext http) => http.GetTokenAsync("access_token");
}
