using System.Security.Claims;

namespace SignauxFaibles.Security.Authentication;

public static class PrincipalExtensions
{
    /// <summary>
    /// Scopes granted, whether the issuer wrote one space-separated <c>scope</c> claim (RFC 9068,
    /// OpenIddict) or one claim per scope (some providers, our test tokens).
    /// </summary>
    public static IEnumerable<string> Scopes(this ClaimsPrincipal user) =>
        user.FindAll(SfClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.Scopes().Contains(scope, StringComparer.Ordinal);

    /// <summary>Who did it, for the audit log: the subject, else the client.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirst(SfClaims.Subject)?.Value ?? user.FindFirst(SfClaims.ClientId)?.Value ?? "anonymous";
}
