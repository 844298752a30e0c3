using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Search;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Security.Zones;

namespace SignauxFaibles.Scoring.Api;

/// <summary>
/// Company search for officers (issue 26): by SIREN, SIRET, or words of a name, usual name or
/// commune — accents, case and word order ignored, each word found cut short or with a typo
/// (pg_trgm, docs/adr/0023). Only the companies of the officer's zone are answered (the zone rule
/// the company file applies); the level only with the <c>score</c> right. Every search is audited
/// with its query and the number of companies it answered.
/// </summary>
public static class SearchEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>The word similarity a query word needs with some part of a company's text (docs/adr/0023).</summary>
    public const string WordSimilarityThreshold = "0.5";

    private const string SetThreshold = "SET LOCAL pg_trgm.word_similarity_threshold = " + WordSimilarityThreshold;

    /// <param name="Siret">The establishment searched for, when the query was a SIRET this service knows.</param>
    /// <param name="Level">The company's current standing (None: off the lists); null when not scored or not shown (see LevelWithheld).</param>
    /// <param name="Departements">Where the company is placed: its open establishments' départements (else all its establishments', else its head office label).</param>
    /// <param name="Followed">Whether the officer follows it.</param>
    public sealed record CompanySearchResult(string Siren, string? Name, string? UsualName, string? Siret, RiskLevel? Level,
        IReadOnlyList<string> Departements, IReadOnlyList<string> Regions, string? Communes, bool Followed);

    /// <param name="More">More companies match than the limit: a longer query narrows them.</param>
    /// <param name="LevelWithheld">Why no level is given, when the caller may not see scores.</param>
    public sealed record CompanySearchResults(string Query, SearchKind Kind, int Count, bool More, string? LevelWithheld, IReadOnlyList<CompanySearchResult> Companies);

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Search").MapGet("/companies/search", SearchAsync)
            .WithSummary("Companies of the caller's zone by SIREN, SIRET, or part of a name, usual name or commune (typos tolerated); audited.")
            .WithDescription("q: 9 digits (SIREN), 14 digits (SIRET), spaces and dots allowed; otherwise words matched in any order, "
                + "accents and case ignored, each word cut short or with a typo (trigram word similarity ≥ " + WordSimilarityThreshold + "). At least 3 letters or digits, "
                + $"else 400. limit: 1–{MaxLimit} (default {DefaultLimit}). Best matches of the name first.")
            .RequireAuthorization(SfPolicies.OfficerOrOps)
            .Produces<CompanySearchResults>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> SearchAsync(string? q, int? limit, ScoringDbContext db, ScoreAccess access, CancellationToken ct)
    {
        if (CompanySearchQuery.Parse(q, out var refusal) is not { } query)
            return Results.Problem(refusal, statusCode: StatusCodes.Status400BadRequest, title: "Search too short");
        var officer = access.Officer;
        var count = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var found = query.Kind == SearchKind.Text ? await MatchAsync(db, officer, query, count + 1, ct) : await LookUpAsync(db, officer, query.Siren, ct);
        Siret? siret = null;
        if (query.Kind == SearchKind.Siret && found.Count > 0)
        {
            var wanted = Siret.Parse(query.Normalised);
            if (await db.Set<KnownEstablishment>().AnyAsync(e => e.Siret == wanted, ct)) siret = wanted;
        }
        var companies = await DescribeAsync(db, officer, [.. found.Take(count)], siret, ct);
        await access.SearchedAsync(q!.Trim(), query.Kind.ToString(), companies.Count, ct);
        var levelWithheld = officer is null || officer.Holds(Rights.Score) ? null : "the officer does not hold the 'score' right";
        return Results.Ok(new CompanySearchResults(q.Trim(), query.Kind, companies.Count, found.Count > count, levelWithheld, companies));
    }

    /// <summary>Words: every one found in the name, usual name or communes (trigram index), in the zone, best names first.</summary>
    private static async Task<List<Siren>> MatchAsync(ScoringDbContext db, OfficerAccess? officer, CompanySearchQuery query, int take, CancellationToken ct)
    {
        var entries = db.CompanySearch.AsNoTracking();
        // word <% search_text: some extent of the text shares enough trigrams with the word (word_similarity ≥ the threshold below).
        foreach (var word in query.Words) entries = entries.Where(e => EF.Functions.TrigramsAreWordSimilar(word, e.SearchText));
        if (officer is not null) entries = entries.InZone(db, officer);
        var text = query.Normalised;
        // pg_trgm's default (0.6) misses one wrong letter in a short word ("dupomt", "peugot"); 0.5 finds them,
        // and every word must match, which keeps the answer narrow. SET LOCAL: this transaction only.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(SetThreshold, ct);
        var found = await entries
            .OrderByDescending(e => EF.Functions.TrigramsWordSimilarity(text, e.NameText))
            .ThenByDescending(e => EF.Functions.TrigramsSimilarity(text, e.NameText))
            .ThenBy(e => e.Siren)
            .Take(take)
            .Select(e => e.Siren)
            .ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return found;
    }

    /// <summary>A SIREN (or a SIRET's): the company if this service knows it and the zone rule lets the caller see it.</summary>
    private static async Task<List<Siren>> LookUpAsync(ScoringDbContext db, OfficerAccess? officer, Siren siren, CancellationToken ct)
    {
        var standing = await db.Standings.AsNoTracking().Where(s => s.Siren == siren).Select(s => new { s.Departement, s.Region }).FirstOrDefaultAsync(ct);
        var known = standing is not null
            || await db.CompanySearch.AnyAsync(e => e.Siren == siren, ct)
            || await db.CompanyNames.AnyAsync(n => n.Siren == siren, ct)
            || await db.Set<KnownEstablishment>().AnyAsync(e => e.Siren == siren, ct);
        if (!known) return [];
        if (officer is null) return [siren];
        var places = await ZoneFilter.PlacesAsync(db, siren, standing?.Departement, standing?.Region, ct);
        return officer.CoversCompany(places) ? [siren] : [];
    }

    private static async Task<List<CompanySearchResult>> DescribeAsync(ScoringDbContext db, OfficerAccess? officer, List<Siren> sirens, Siret? siret, CancellationToken ct)
    {
        if (sirens.Count == 0) return [];
        var entries = await db.CompanySearch.AsNoTracking().Where(e => sirens.Contains(e.Siren))
            .Select(e => new { e.Siren, e.Name, e.UsualName, e.Communes }).ToDictionaryAsync(e => e.Siren, ct);
        var names = await db.CompanyNames.AsNoTracking().Where(n => sirens.Contains(n.Siren)).ToDictionaryAsync(n => n.Siren, n => n.Name, ct);
        var standings = await db.Standings.AsNoTracking().Where(s => sirens.Contains(s.Siren))
            .Select(s => new { s.Siren, s.Level, s.Departement, s.Region }).ToDictionaryAsync(s => s.Siren, ct);
        var places = (await db.Set<KnownEstablishment>().AsNoTracking().Where(e => sirens.Contains(e.Siren) && e.Placing)
            .Select(e => new { e.Siren, e.Departement, e.Region }).ToListAsync(ct)).ToLookup(e => e.Siren);
        var followed = officer is null ? [] : await db.OfficerFollows.AsNoTracking()
            .Where(f => f.Officer == officer.Subject && f.Following && sirens.Contains(f.Siren)).Select(f => f.Siren).ToListAsync(ct);
        var seesLevels = officer is null || officer.Holds(Rights.Score);
        return sirens.Select(siren =>
        {
            var entry = entries.GetValueOrDefault(siren);
            var standing = standings.GetValueOrDefault(siren);
            var placing = places[siren].ToList();
            IReadOnlyList<string> Codes(Func<string?> label, IEnumerable<string?> fromPlaces) =>
                [.. (placing.Count > 0 ? fromPlaces : new[] { label() }).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            return new CompanySearchResult(siren.Value, entry?.Name ?? names.GetValueOrDefault(siren), entry?.UsualName,
                siret?.Siren == siren ? siret.Value.Value : null,
                seesLevels ? standing?.Level : null,
                Codes(() => standing?.Departement, placing.Select(p => p.Departement)),
                Codes(() => standing?.Region, placing.Select(p => p.Region)),
                entry?.Communes, followed.Contains(siren));
        }).ToList();
    }
}
