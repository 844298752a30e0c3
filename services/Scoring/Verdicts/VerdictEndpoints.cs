using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Scoring.Verdicts;

/// <summary>Officers' verdicts per model version, and their export for training (<c>sf panel build --verdicts</c>).</summary>
public static class VerdictEndpoints
{
    public sealed record VersionVerdicts(string? ModelVersion, int Verdicts, int Useful, int NotUseful, double? UsefulShare);

    public static IEndpointRouteBuilder MapVerdictEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/verdicts").WithTags("Verdicts");
        api.MapGet("/", async (string? format, ScoringDbContext db, IAuditLog audit, CancellationToken ct) =>
            {
                if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    var rows = await db.AlertVerdicts.AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct);
                    // Company by company: an export of company data, traced under the operator's own name.
                    await audit.RecordAsync(AuditActions.Export, "verdicts", AuditOutcomes.Allowed, $"{rows.Count} verdicts as CSV (training labels)", ct);
                    var csv = new StringBuilder("siren,periode,model_version,useful,level,recorded_at\n");
                    foreach (var v in rows)
                        csv.Append(CultureInfo.InvariantCulture, $"{v.Siren.Value},{v.Month},{v.ModelVersion},{(v.Useful ? 1 : 0)},{v.Level},{v.RecordedAt:O}\n");
                    return Results.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
                }
                var byVersion = await db.AlertVerdicts.AsNoTracking().GroupBy(v => v.ModelVersion)
                    .Select(g => new { Version = g.Key, Total = g.Count(), Useful = g.Count(v => v.Useful) }).ToListAsync(ct);
                return Results.Ok(byVersion.OrderBy(v => v.Version, StringComparer.Ordinal)
                    .Select(v => new VersionVerdicts(v.Version, v.Total, v.Useful, v.Total - v.Useful, v.Total == 0 ? null : (double)v.Useful / v.Total)).ToList());
            })
            .WithSummary("Officers' verdicts on alerts per model version (useful or not); format=csv exports them for training (company, month, version, answer).")
            .RequireAuthorization(SfPolicies.Ops);
        return app;
    }
}
