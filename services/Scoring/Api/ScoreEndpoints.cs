using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Explanations;
using SignauxFaibles.Scoring.Rescoring;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Scoring.Api;

/// <summary>The detection list, a company's score history with explanations, and rescoring.</summary>
public static class ScoreEndpoints
{
    public static IEndpointRouteBuilder MapScoreEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scores");
        api.MapGet("/detection-list", DetectionListAsync)
            .WithSummary("Companies on the red or orange list, filtered by place, level, sector, size, first alert; most at risk first. Officers see their zone only.")
            .RequireAuthorization(SfPolicies.ScoresReader);
        api.MapGet("/companies/{siren}/scores", async (string siren, ScoringDbContext db, ScoreAccess access, ProbabilityScale scale, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out var id)) return Results.BadRequest(new { error = $"'{siren}' is not a SIREN (9 digits, valid check digit)." });
                if (await access.CompanyAsync(db, id, ct) is { } refused) return refused;
                var standing = await db.Standings.AsNoTracking().FirstOrDefaultAsync(s => s.Siren == id, ct);
                var scores = await db.Scores.AsNoTracking().Where(s => s.Siren == id).OrderByDescending(s => s.Id).Take(120).ToListAsync(ct);
                // Ops read every value; an officer only those of the sources they hold a right to.
                Func<string, bool> holds = access.Officer is { } officer ? officer.Holds : _ => true;
                if (standing is null && scores.Count == 0) return Results.NotFound(new { error = $"No score for {siren}." });
                var history = new List<object>(scores.Count);
                foreach (var s in scores)
                {
                    var probabilityScale = await scale.OfAsync(db, s.ModelVersion, s.Probability, s.Margin, s.Baseline, ct);
                    var (baselineProbability, factor) = (probabilityScale?.BaselineProbability, probabilityScale?.Factor);
                    history.Add(new
                    {
                        month = s.Month.ToString(), s.ModelVersion, s.Probability, level = s.Level, s.Margin, s.Baseline, baselineProbability, s.ScoredAt,
                        themes = Themes.All.Select((t, i) => new ThemeContribution(t, s.Themes[i], s.Themes[i] * factor)),
                        topFeatures = JsonSerializer.Deserialize<List<FeatureContribution>>(s.TopFeatures, JsonSerializerOptions.Web)!
                            .Select(f => WithheldValues.For(f, holds) with { ProbabilityPoints = f.Contribution * factor }),
                    });
                }
                return Results.Ok(new { siren, name = await db.CompanyNames.Where(n => n.Siren == id).Select(n => n.Name).FirstOrDefaultAsync(ct), current = standing, history });
            })
            .WithSummary("A company's current level and its scores (newest first), each with its explanation and model version.")
            .RequireAuthorization(SfPolicies.OfficerOrOps);
        api.MapPost("/scores/rescore", async (ScoringDbContext db, RescoreQueue queue, CancellationToken ct) =>
            {
                var run = queue.Enqueue(db, "requested");
                await db.SaveChangesAsync(ct);
                queue.Wake();
                return Results.Accepted($"/api/scores/rescore/{run.Id}", new { rescore = run.Id });
            })
            .WithSummary("Scores every company again with the active model.")
            .RequireAuthorization(SfPolicies.Ops);
        api.MapGet("/scores/status", async (ScoringDbContext db, CancellationToken ct) => Results.Ok(new
            {
                companies = await db.Standings.CountAsync(ct),
                onLists = await db.Standings.CountAsync(s => s.Level != RiskLevel.None, ct),
                scores = await db.Scores.CountAsync(ct),
                activeVersion = await db.ModelVersions.Where(v => v.IsActive).Select(v => v.Version).FirstOrDefaultAsync(ct),
            }))
            .WithSummary("How many companies have a standing, how many are on a list, which version scores.")
            .RequireAuthorization(SfPolicies.Ops);
        api.MapGet("/scores/rescore/{id:long}", async (long id, ScoringDbContext db, CancellationToken ct) =>
                await db.RescoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run ? Results.Ok(run) : Results.NotFound())
            .WithSummary("Progress of a rescore.")
            .RequireAuthorization(SfPolicies.Ops);
        return app;
    }

    private static async Task<IResult> DetectionListAsync(ScoringDbContext db, ScoreAccess access, string? departement, string? region, RiskLevel? level,
        string? section, string? size, bool? firstAlertOnly, int? page, int? pageSize, [AsParameters] ListOptions options, CancellationToken ct)
    {
        var query = db.Standings.AsNoTracking().Where(s => s.Level != RiskLevel.None);
        if (access.Officer is { } officer)
        {
            // The officer's zone: any open establishment in a département or région of theirs, unless national.
            query = query.InZone(db, officer);
            // Turnover may come from a tax return: shown and filtered on only with the dgfip right.
            if (!officer.Holds(Rights.Dgfip) && (options.MinTurnover is not null || options.MaxTurnover is not null))
                return Results.Json(new { error = "Not allowed: filtering on turnover needs the 'dgfip' right (it may come from a tax return)." }, statusCode: StatusCodes.Status403Forbidden);
        }
        await access.ListedAsync($"departement={departement} region={region} level={level} section={section} size={size}", options.IsExport, ct);
        // A place filter follows the same rule: a company with a plant in the département is listed there.
        if (!string.IsNullOrEmpty(departement)) query = query.PlacedIn(db, [departement], []);
        if (!string.IsNullOrEmpty(region)) query = query.PlacedIn(db, [], [region]);
        if (level is { } l) query = query.Where(s => s.Level == l);
        if (!string.IsNullOrEmpty(section)) query = query.Where(s => s.NafSection == section);
        if (!string.IsNullOrEmpty(size)) query = query.Where(s => s.SizeClass == size);
        if (firstAlertOnly == true) query = query.Where(s => s.FirstAlertMonth == s.Month);
        if (options.MinHeadcount is { } min) query = query.Where(s => s.Headcount >= min);
        if (options.MaxHeadcount is { } max) query = query.Where(s => s.Headcount <= max);
        if (options.MinTurnover is { } minTurnover) query = query.Where(s => s.Turnover >= minTurnover);
        if (options.MaxTurnover is { } maxTurnover) query = query.Where(s => s.Turnover <= maxTurnover);
        // The portal's "hide the companies I follow": following is known to the feature service, so the portal names them.
        if (options.Excluded() is { Count: > 0 } excluded) query = query.Where(s => !excluded.Contains(s.Siren));
        var (number, count) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 500));
        var total = await query.CountAsync(ct);
        var byLevel = await query.GroupBy(s => s.Level).Select(g => new { level = g.Key, companies = g.Count() }).ToListAsync(ct);
        var ordered = options.Sort switch
        {
            "headcount" => query.OrderByDescending(s => s.Headcount ?? -1).ThenByDescending(s => s.Probability),
            "departement" => query.OrderBy(s => s.Departement).ThenByDescending(s => s.Probability),
            "siren" => query.OrderBy(s => s.Siren),
            _ => query.OrderByDescending(s => s.Probability),
        };
        var seesTurnover = access.Officer?.Holds(Rights.Dgfip) ?? true;
        var rows = await ordered.ThenBy(s => s.Siren).Skip((number - 1) * count).Take(count).ToListAsync(ct);
        var sirens = rows.Select(r => r.Siren).ToList();
        var names = await db.CompanyNames.AsNoTracking().Where(n => sirens.Contains(n.Siren)).ToDictionaryAsync(n => n.Siren, n => n.Name, ct);
        return Results.Ok(new
        {
            total, byLevel, page = number, pageSize = count,
            companies = rows.Select(s => new
            {
                siren = s.Siren.Value, name = names.GetValueOrDefault(s.Siren), month = s.Month.ToString(), s.Level, s.Probability, s.PreviousLevel, s.ModelVersion,
                s.Departement, s.Region, s.NafSection, s.NafCode, s.SizeClass, s.Headcount, turnover = seesTurnover ? s.Turnover : null, s.MainTheme,
                firstAlert = s.FirstAlertMonth == s.Month,
            }),
        });
    }
}

/// <summary>
/// Detection list options the officers' portal needs: headcount and turnover (€) ranges, sort order (risk,
/// headcount, departement, siren), companies to leave out, and purpose=export (audited as an export).
/// </summary>
public sealed record ListOptions(int? MinHeadcount, int? MaxHeadcount, double? MinTurnover, double? MaxTurnover, string? Sort, string? Exclude, string? Purpose)
{
    public bool IsExport => string.Equals(Purpose, "export", StringComparison.OrdinalIgnoreCase);

    public List<Siren> Excluded() => (Exclude ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(v => Siren.TryParse(v, out var id) ? id : (Siren?)null).OfType<Siren>().ToList();
}
