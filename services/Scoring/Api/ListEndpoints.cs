using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Explanations;
using SignauxFaibles.Scoring.Lists;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Scoring.Api;

/// <summary>
/// Dated monthly lists: a month's list is frozen when published (model version, thresholds,
/// companies, levels, reasons), read again as it was, exported, and compared with another month
/// (entered, left, moved). Officers see their zone with the <c>score</c> right, every read audited.
/// </summary>
public static class ListEndpoints
{
    public sealed record PublishedListSummary(string Month, string ModelVersion, double RedThreshold, double OrangeThreshold, DateTimeOffset PublishedAt, string PublishedBy, int Red, int Orange);

    public sealed record PublishedCompany(string Siren, string? Name, RiskLevel Level, double Probability, string ModelVersion, string? MainTheme,
        string? Departement, string? Region, string? NafSection, IReadOnlyList<FeatureContribution> TopFeatures);

    public sealed record MonthList(PublishedListSummary List, int Total, IReadOnlyList<PublishedCompany> Companies);

    public sealed record LevelMove(string Siren, RiskLevel From, RiskLevel To);

    public sealed record ListChanges(string Month, string Since, IReadOnlyList<string> Entered, IReadOnlyList<string> Left, IReadOnlyList<LevelMove> Moved);

    public static IEndpointRouteBuilder MapListEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/lists").WithTags("Monthly lists");
        api.MapGet("/", async (ScoringDbContext db, ScoreAccess access, CancellationToken ct) =>
            {
                var lists = await db.PublishedLists.AsNoTracking().OrderByDescending(l => l.Month).ToListAsync(ct);
                return Results.Ok(lists.Select(Summary).ToList());
            })
            .WithSummary("The published monthly lists, newest first (national counts).")
            .RequireAuthorization(SfPolicies.ScoresReader);
        api.MapPost("/{month}/publish", async (string month, ListPublisher publisher, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (!YearMonth.TryParse(month, out var m)) return Results.Problem($"'{month}' is not a month written yyyy-MM.", statusCode: 400);
                var outcome = await publisher.PublishAsync(m, user.Actor(), ct);
                if (outcome.List is null) return Results.Problem($"{m} cannot be published: {outcome.Refusal}.", statusCode: StatusCodes.Status409Conflict);
                return outcome.AlreadyPublished ? Results.Ok(Summary(outcome.List)) : Results.Created($"/api/lists/{m}", Summary(outcome.List));
            })
            .WithSummary("Freezes the month's list (each company's latest score of that month, red or orange); publishing again returns the first list unchanged.")
            .RequireAuthorization(SfPolicies.Ops);
        api.MapGet("/{month}", MonthAsync)
            .WithSummary("A published month's list as it was published, for the caller's zone; format=csv exports it, purpose=export marks a JSON read as an export (both audited as exports).")
            .RequireAuthorization(SfPolicies.ScoresReader);
        api.MapGet("/{month}/changes", ChangesAsync)
            .WithSummary("What changed between two published months in the caller's zone: companies that entered, left, or moved level.")
            .RequireAuthorization(SfPolicies.ScoresReader);
        return app;
    }

    private static async Task<IResult> MonthAsync(string month, string? format, string? purpose, ScoringDbContext db, ScoreAccess access, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return Results.Problem($"'{month}' is not a month written yyyy-MM.", statusCode: 400);
        var list = await db.PublishedLists.AsNoTracking().FirstOrDefaultAsync(l => l.Month == m, ct);
        if (list is null) return Results.Problem($"No list is published for {m}.", statusCode: 404);
        var entries = await EntriesAsync(db, access, m, ct);
        var sirens = entries.Select(e => e.Siren).ToList();
        var names = await db.CompanyNames.AsNoTracking().Where(n => sirens.Contains(n.Siren)).ToDictionaryAsync(n => n.Siren, n => n.Name, ct);
        Func<string, bool> holds = access.Officer is { } reader ? reader.Holds : _ => true;
        var companies = entries.OrderByDescending(e => e.Probability).ThenBy(e => e.Siren.Value, StringComparer.Ordinal)
            .Select(e => new PublishedCompany(e.Siren.Value, names.GetValueOrDefault(e.Siren), e.Level, e.Probability, e.ModelVersion, e.MainTheme, e.Departement, e.Region, e.NafSection,
                JsonSerializer.Deserialize<List<FeatureContribution>>(e.TopFeatures, JsonSerializerOptions.Web)!.Select(f => WithheldValues.For(f, holds)).ToList()))
            .ToList();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        // purpose=export: the JSON a client turns into its own file (the portal's XLSX), audited as an export too.
        await access.ListedAsync($"list={m}", csv || string.Equals(purpose, "export", StringComparison.OrdinalIgnoreCase), ct);
        if (!csv) return Results.Ok(new MonthList(Summary(list), companies.Count, companies));
        var text = new StringBuilder("siren;raison_sociale;niveau;probabilite;version_modele;theme_principal;departement;region;section_naf\n");
        foreach (var c in companies)
            text.Append(CultureInfo.InvariantCulture, $"{c.Siren};{c.Name?.Replace(';', ',')};{(c.Level == RiskLevel.High ? "risque fort" : "risque modéré")};{c.Probability:F4};{c.ModelVersion};{c.MainTheme};{c.Departement};{c.Region};{c.NafSection}\n");
        return Results.Text(text.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> ChangesAsync(string month, string since, ScoringDbContext db, ScoreAccess access, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m) || !YearMonth.TryParse(since, out var s))
            return Results.Problem("month and since are months written yyyy-MM.", statusCode: 400);
        foreach (var wanted in new[] { m, s })
            if (!await db.PublishedLists.AnyAsync(l => l.Month == wanted, ct)) return Results.Problem($"No list is published for {wanted}.", statusCode: 404);
        var now = (await EntriesAsync(db, access, m, ct)).ToDictionary(e => e.Siren.Value, e => e.Level, StringComparer.Ordinal);
        var before = (await EntriesAsync(db, access, s, ct)).ToDictionary(e => e.Siren.Value, e => e.Level, StringComparer.Ordinal);
        await access.ListedAsync($"list={m} since={s}", false, ct);
        return Results.Ok(new ListChanges(m.ToString(), s.ToString(),
            [.. now.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal)],
            [.. before.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal)],
            [.. now.Where(n => before.TryGetValue(n.Key, out var was) && was != n.Value).OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new LevelMove(n.Key, before[n.Key], n.Value))]));
    }

    /// <summary>A month's entries in the caller's zone (the zone rule over the establishments known today).</summary>
    private static async Task<List<PublishedListEntry>> EntriesAsync(ScoringDbContext db, ScoreAccess access, YearMonth month, CancellationToken ct)
    {
        var query = db.PublishedListEntries.AsNoTracking().Where(e => e.Month == month);
        if (access.Officer is { } officer) query = query.InZone(db, officer);
        return await query.ToListAsync(ct);
    }

    private static PublishedListSummary Summary(PublishedList l) =>
        new(l.Month.ToString(), l.ModelVersion, l.RedThreshold, l.OrangeThreshold, l.PublishedAt, l.PublishedBy, l.Red, l.Orange);
}
