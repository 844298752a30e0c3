using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Scoring.Api;

/// <summary>
/// access.md applied to scores: an officer needs the <c>score</c> right and the company in the
/// zone (the zone rule over its establishments, else its head office label: <see cref="ZoneFilter"/>),
/// and the company on a list (this service's standings) or followed by the officer (this service's
/// copy of the feature service's follows, kept by CompanyFollowingChanged).
/// Ops see everything; every view (officer or operator, under their own name) and every refusal is audited.
/// </summary>
public sealed class ScoreAccess(OfficerAccessor officers, IAuditLog audit)
{
    public OfficerAccess? Officer => officers.Current;

    /// <summary>Null when the caller may read the company's scores, else the refusal to answer (already audited).</summary>
    public async Task<IResult?> CompanyAsync(ScoringDbContext db, Siren siren, CancellationToken ct)
    {
        if (Officer is not { } officer)
        {
            // Ops read company scores for replays and checks: traced under the operator's own name.
            await audit.RecordAsync("view", $"company:{siren.Value}:scores", AuditOutcomes.Allowed, "score history (ops)", ct);
            return null;
        }
        var resource = $"company:{siren.Value}:scores";
        if (!officer.Holds(Rights.Score)) return await RefuseAsync(resource, "no 'score' right", ct);
        var standing = await db.Standings.AsNoTracking().Where(s => s.Siren == siren)
            .Select(s => new { s.Departement, s.Region, s.Level }).FirstOrDefaultAsync(ct);
        var places = await ZoneFilter.PlacesAsync(db, siren, standing?.Departement, standing?.Region, ct);
        if ((standing is not null || places.Count > 0) && !officer.CoversCompany(places))
        {
            var where = string.Join(", ", CompanyZone.Placing(places).Select(p => p.Departement ?? "région " + p.Region).Distinct());
            return await RefuseAsync(resource, $"out of zone (company in {(where.Length == 0 ? "?" : where)})", ct);
        }
        if ((standing is null || standing.Level == RiskLevel.None)
            && !await db.OfficerFollows.AnyAsync(f => f.Officer == officer.Subject && f.Siren == siren && f.Following, ct))
            return await RefuseAsync(resource, "neither on the red or orange list nor followed by the officer", ct);
        await audit.RecordAsync("view", resource, "allowed", "score history", ct);
        return null;
    }

    /// <summary>Audits a reading of the detection list (an officer's zone, or national for ops) or its export (access.md: every export is logged).</summary>
    public Task ListedAsync(string filters, bool export, CancellationToken ct) =>
        audit.RecordAsync(export ? AuditActions.Export : "view", "detection-list", "allowed", (Officer is null ? "(ops) " : "") + filters, ct);

    /// <summary>Audits a company search like any view: the query as typed, its kind and how many companies it answered.</summary>
    public Task SearchedAsync(string query, string kind, int results, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.Search, "company-search", AuditOutcomes.Allowed,
            $"{(Officer is null ? "(ops) " : "")}q=\"{query}\" ({kind}): {results} result{(results == 1 ? "" : "s")}", ct);

    private async Task<IResult> RefuseAsync(string resource, string reason, CancellationToken ct)
    {
        await audit.RecordAsync("view", resource, "refused", reason, ct);
        return Results.Json(new { error = $"Not allowed: {reason}." }, statusCode: StatusCodes.Status403Forbidden);
    }
}
