using Microsoft.AspNetCore.Http;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// A delivery needs the scope of its kind's feed (a Banque de France file needs <c>ingest:bdf</c>,
/// whichever service hosts it). Checked here rather than by a policy so that a refusal (an
/// institution pushing another's source) is written to the audit log before the answer. With no
/// kind known yet, the caller must at least deliver to one of this service's feeds.
/// </summary>
internal static class FeedRefusal
{
    /// <returns>Null when the caller may deliver; else why not (already audited).</returns>
    public static async Task<string?> CheckAsync(HttpContext http, FeedAccess feeds, IFileKind? kind, string what, IAuditLog audit, CancellationToken ct)
    {
        if (kind is null ? feeds.DeliversHere(http.User) : feeds.MayDeliver(http.User, kind)) return null;
        var needed = kind is not null ? FeedAccess.ScopeOf(kind) : string.Join(" or ", feeds.Feeds.Select(SfClaims.IngestScope));
        var held = string.Join(' ', http.User.Scopes());
        await audit.RecordAsync(AuditActions.PushRefused, $"{kind?.Feed() ?? string.Join('/', feeds.Feeds)}/{what}", AuditOutcomes.Refused,
            $"{http.Request.Method} {http.Request.Path} needs scope {needed}; the token holds '{held}'", ct);
        return kind is null
            ? $"Delivering here needs the scope of one of its feeds ({needed})."
            : $"Delivering {kind.Name} files needs the scope {needed}: each institution delivers only its own sources.";
    }
}
