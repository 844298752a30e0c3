using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Security.Terms;

namespace SignauxFaibles.Identity.Terms;

/// <summary>
/// access.md: before the first access, then every year, the officer acknowledges the confidentiality
/// terms. Asked here, during sign-in, so that every client (portal, command line) gets a token only
/// after it, and the token carries the date every service checks.
/// </summary>
public static class TermsPage
{
    public const string Path = "/account/terms";

    public static IEndpointRouteBuilder MapTermsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext http, string? returnUrl, IdentityDbContext db, IAntiforgery antiforgery, TimeProvider clock) =>
                await SignedInEmailAsync(http) is not { } email
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString }, [Account.ExternalSignIn.ChallengeScheme(http.RequestServices)])
                    : Page(http, antiforgery, Local(returnUrl), await db.TermsAcknowledgements.FindAsync([email], http.RequestAborted), clock.GetUtcNow()))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, async (HttpContext http, IdentityDbContext db, IAntiforgery antiforgery, TimeProvider clock) =>
            {
                if (await SignedInEmailAsync(http) is not { } email) return Results.Unauthorized();
                // A state-changing form: only from this page (antiforgery token and cookie).
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("The form has expired; reload the page.");
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var returnUrl = Local(form["returnUrl"]);
                var acknowledgement = await db.TermsAcknowledgements.FindAsync([email], http.RequestAborted);
                if (form["accept"] != "true") return Page(http, antiforgery, returnUrl, acknowledgement, clock.GetUtcNow(), "Cochez la case pour confirmer votre engagement.");
                if (acknowledgement is null) db.TermsAcknowledgements.Add(acknowledgement = new TermsAcknowledgement { Email = email });
                acknowledgement.AcknowledgedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(http.RequestAborted);
                return Results.Redirect(returnUrl);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<string?> SignedInEmailAsync(HttpContext http)
    {
        var login = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return login.Succeeded ? login.Principal.FindFirst(SfClaims.Email)?.Value : null;
    }

    // Only paths of this service (the authorization endpoint): an open redirect would hand the code to anyone.
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, TermsAcknowledgement? last, DateTimeOffset now, string? error = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var status = last is null ? "" : ConfidentialityTerms.IsValid(last.AcknowledgedAt, now)
            ? $"<p>Dernier engagement : le {Day(last.AcknowledgedAt)}, valable jusqu'au {Day(last.AcknowledgedAt + ConfidentialityTerms.Validity)}.</p>"
            : $"<p>Dernier engagement : le {Day(last.AcknowledgedAt)} — il doit être renouvelé (un an écoulé).</p>";
        var html = $"""
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Engagement de confidentialité — Signaux Faibles</title>
            </head><body><main>
            <h1>Engagement de confidentialité</h1>
            {status}
            <section aria-labelledby="termes">
            <h2 id="termes">Conditions d'accès aux données</h2>
            <ul>
            {string.Concat(ConfidentialityTerms.Clauses.Select(c => $"<li>{WebUtility.HtmlEncode(c)}</li>"))}
            </ul>
            </section>
            {(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
            <form method="post" action="{Path}">
            <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
            <p><label><input type="checkbox" name="accept" value="true"> J'ai pris connaissance de ces conditions et je m'engage à les respecter.</label></p>
            <button type="submit">Valider mon engagement</button>
            </form>
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Day(DateTimeOffset at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
