using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SignauxFaibles.Identity.Account;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Identity.Officers;
using SignauxFaibles.Identity.Terms;
using SignauxFaibles.Security.Terms;
using SignauxFaibles.Security.Authentication;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SignauxFaibles.Identity.Server;

/// <summary>
/// The two flows: client credentials (an institution's client gets the ingest scope of its own
/// feed, nothing else) and authorization code + PKCE (an officer signed in gets the claims of the
/// directory: institution, rights, territories).
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>This authorization request as a GET address, to come back to after the login or the terms.</summary>
    private static string AuthorizeUrl(HttpContext http) => http.Request.PathBase + http.Request.Path + QueryString.Create(
        http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList());

    private static async Task<IResult> AuthorizeAsync(HttpContext http, IdentityDbContext db, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var login = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!login.Succeeded)
        {
            // Back here once signed in (development form, or the external provider in production).
            return Results.Challenge(new AuthenticationProperties { RedirectUri = AuthorizeUrl(http) }, [ExternalSignIn.ChallengeScheme(http.RequestServices)]);
        }
        var email = login.Principal.FindFirst(SfClaims.Email)?.Value;
        var officer = email is null ? null : await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Email == email && o.Active, http.RequestAborted);
        if (officer is null)
        {
            return Results.Forbid(Error(Errors.AccessDenied, "This person is not an active officer of the directory."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        // The confidentiality terms come before any token (access.md; renewed yearly): every client passes here.
        var terms = await db.TermsAcknowledgements.AsNoTracking().FirstOrDefaultAsync(t => t.Email == officer.Email, http.RequestAborted);
        if (!ConfidentialityTerms.IsValid(terms?.AcknowledgedAt, clock.GetUtcNow()))
        {
            return Results.Redirect($"{http.Request.PathBase}{TermsPage.Path}?returnUrl={Uri.EscapeDataString(AuthorizeUrl(http))}");
        }
        var identity = OfficerClaims.Identity(officer, terms!.AcknowledgedAt, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // The principal built at the authorization endpoint, restored by OpenIddict from the code.
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return code.Principal is { } principal
                ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Results.Forbid(Error(Errors.InvalidGrant, "The authorization code is no longer valid."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        if (!request.IsClientCredentialsGrantType())
        {
            return Results.Forbid(Error(Errors.UnsupportedGrantType, "Only client credentials and authorization code are accepted."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict authenticated an unknown client.");
        // OpenIddict has already refused scopes the client holds no permission for; no scope asked means all of them.
        var permitted = (await applications.GetPermissionsAsync(application, http.RequestAborted))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        var scopes = request.GetScopes().IsEmpty ? permitted : [.. request.GetScopes()];

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, http.RequestAborted) ?? request.ClientId);
        identity.SetScopes(scopes);
        identity.SetResources(SfClaims.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
