using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SignauxFaibles.Portal.Api;

namespace SignauxFaibles.Portal.Login;

/// <summary>A token the services refuse (expired, or rights changed at the issuer) sends the officer back to sign in.</summary>
public static class SessionExpiry
{
    public static IApplicationBuilder UseSessionExpiry(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (SessionExpiredException) when (!http.Response.HasStarted)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await http.ChallengeAsync(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString });
        }
    });

    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        // POST with the antiforgery token of the layout's form: a link could sign an officer out from another site.
        app.MapPost("/deconnexion", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(http.Request.PathBase + "/deconnecte");
        });
        app.MapGet("/deconnecte", () => Results.Content("""
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Déconnecté — Signaux Faibles</title></head>
            <body><main><h1>Vous êtes déconnecté du portail</h1><p><a href="./">Se reconnecter</a></p></main></body></html>
            """, "text/html; charset=utf-8")).AllowAnonymous();
        return app;
    }
}
