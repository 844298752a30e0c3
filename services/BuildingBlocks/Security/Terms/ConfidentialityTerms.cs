using System.Globalization;
using System.Security.Claims;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Security.Terms;

/// <summary>
/// access.md: before any access the officer acknowledges the confidentiality terms, renewed every
/// year. The issuer asks at sign-in and writes the date in the token; every service checks it on
/// every officer call, whatever the client (portal, command line, a script).
/// </summary>
public static class ConfidentialityTerms
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    /// <summary>The terms as the officer reads them (at sign-in, and in the portal afterwards).</summary>
    public static readonly IReadOnlyList<string> Clauses =
    [
        "Les données présentées sont couvertes par le secret professionnel (secret fiscal, social et bancaire).",
        "Elles ne servent qu'à la mission de détection et d'accompagnement des entreprises en difficulté, et ne sont communiquées à personne d'autre.",
        "Les données URSSAF, d'activité partielle, de la Banque de France et les scores ne sont visibles que selon vos droits, pour les entreprises de votre zone de la liste rouge ou orange ou que vous suivez.",
        "Chaque consultation de données confidentielles, chaque tentative hors de votre zone et chaque export sont tracés.",
        "Cet engagement est renouvelé chaque année.",
    ];

    public static string Format(DateTimeOffset acknowledgedAt) => acknowledgedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? AcknowledgedAt(ClaimsPrincipal user) =>
        DateTimeOffset.TryParse(user.FindFirst(SfClaims.TermsAcknowledgedAt)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;

    public static bool IsValid(DateTimeOffset? acknowledgedAt, DateTimeOffset now) => acknowledgedAt is { } at && at <= now.AddMinutes(5) && at + Validity > now;

    /// <summary>Why an officer may not read confidential data yet; null when the terms hold (or the caller is not an officer).</summary>
    public static string? Refusal(ClaimsPrincipal user, DateTimeOffset now)
    {
        if (user.FindFirst(SfClaims.Institution) is null) return null;
        var at = AcknowledgedAt(user);
        if (IsValid(at, now)) return null;
        return at is null
            ? "the officer has not acknowledged the confidentiality terms: sign in again to read and accept them"
            : $"the officer's acknowledgement of the confidentiality terms ({at:yyyy-MM-dd}) is over a year old: sign in again to renew it";
    }
}
