using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Identity.Account;

/// <summary>
/// Development stand-in for ProConnect: an officer of the directory signs in with their e-mail
/// alone. Mapped only in Development with Identity:DevelopmentLogin, never in production.
/// </summary>
public static class DevelopmentLogin
{
    public static IEndpointRouteBuilder MapDevelopmentLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (string? returnUrl) => Results.Content(Form(Local(returnUrl)), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/login", async (HttpContext http, IdentityDbContext db) =>
            {
                // Read by hand: a development form without antiforgery token (it grants nothing a real login would not).
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var email = form["email"].ToString().Trim().ToLowerInvariant();
                var returnUrl = Local(form["returnUrl"]);
                if (!await db.Officers.AnyAsync(o => o.Email == email && o.Active, http.RequestAborted))
                {
                    return Results.Content(Form(returnUrl, $"{email} is not an active officer of the directory."), "text/html; charset=utf-8", statusCode: 401);
                }
                var identity = new ClaimsIdentity([new Claim(SfClaims.Email, email)], CookieAuthenticationDefaults.AuthenticationScheme);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return Results.Redirect(returnUrl);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    // Only paths of this service: an open redirect would hand the authorization code to anyone.
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/";

    private static string Form(string returnUrl, string? error = null) => $"""
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><title>Signaux Faibles — connexion (développement)</title></head>
        <body><h1>Connexion de développement</h1>
        <p>Remplace ProConnect sur un poste de développement : l'adresse d'un agent de l'annuaire suffit.</p>
        {(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/account/login">
        <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
        <label>Adresse électronique <input type="email" name="email" required autofocus></label>
        <button type="submit">Se connecter</button>
        </form></body></html>
        """;
}
