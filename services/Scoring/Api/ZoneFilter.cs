using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Lists;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Scoring.Search;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Zones;

namespace SignauxFaibles.Scoring.Api;

/// <summary>
/// The zone rule (Security's CompanyZone) in SQL over this service's lists: a company is in the
/// zone when one of its placing establishments (kept from Sirene) is; a company whose
/// establishments Sirene has not told this service about yet is placed by its head office label.
/// The same filter answers the officers' zone and a list's département or région filter.
/// </summary>
public static class ZoneFilter
{
    public static IQueryable<CompanyStanding> InZone(this IQueryable<CompanyStanding> query, ScoringDbContext db, OfficerAccess officer) =>
        officer.National ? query : query.PlacedIn(db, [.. officer.Departements], [.. officer.Regions]);

    public static IQueryable<CompanyStanding> PlacedIn(this IQueryable<CompanyStanding> query, ScoringDbContext db, List<string> departements, List<string> regions)
    {
        var (placed, located) = Zone(db, departements, regions);
        return query.Where(s => placed.Contains(s.Siren)
            || (!located.Contains(s.Siren) && ((s.Departement != null && departements.Contains(s.Departement)) || (s.Region != null && regions.Contains(s.Region)))));
    }

    public static IQueryable<PublishedListEntry> InZone(this IQueryable<PublishedListEntry> query, ScoringDbContext db, OfficerAccess officer)
    {
        if (officer.National) return query;
        var (departements, regions) = (officer.Departements.ToList(), officer.Regions.ToList());
        var (placed, located) = Zone(db, departements, regions);
        return query.Where(e => placed.Contains(e.Siren)
            || (!located.Contains(e.Siren) && ((e.Departement != null && departements.Contains(e.Departement)) || (e.Region != null && regions.Contains(e.Region)))));
    }

    /// <summary>
    /// The search index in the officer's zone: placed by an establishment there, or, for a company
    /// whose establishments this service does not know, by its head office label (its standing).
    /// </summary>
    public static IQueryable<CompanySearchEntry> InZone(this IQueryable<CompanySearchEntry> query, ScoringDbContext db, OfficerAccess officer)
    {
        if (officer.National) return query;
        var (departements, regions) = (officer.Departements.ToList(), officer.Regions.ToList());
        var establishments = db.Set<KnownEstablishment>();
        // EXISTS per candidate (index on siren), not IN over the whole table: a search's candidates are few, the tables national.
        return query.Where(e =>
            establishments.Any(k => k.Siren == e.Siren && k.Placing
                && ((k.Departement != null && departements.Contains(k.Departement)) || (k.Region != null && regions.Contains(k.Region))))
            || (!establishments.Any(k => k.Siren == e.Siren)
                && db.Standings.Any(s => s.Siren == e.Siren
                    && ((s.Departement != null && departements.Contains(s.Departement)) || (s.Region != null && regions.Contains(s.Region))))));
    }

    /// <summary>One company, for the score history and explanations: its establishments, else its head office label.</summary>
    public static async Task<IReadOnlyList<EstablishmentPlace>> PlacesAsync(ScoringDbContext db, Siren siren, string? departement, string? region, CancellationToken ct)
    {
        var places = await KnownEstablishments.PlacesAsync(db, siren, ct);
        return places.Count > 0 || (departement is null && region is null) ? places : [new EstablishmentPlace(departement, region, Open: true)];
    }

    private static (IQueryable<Siren> Placed, IQueryable<Siren> Located) Zone(ScoringDbContext db, List<string> departements, List<string> regions) =>
        (KnownEstablishments.PlacedIn(db, departements, regions), KnownEstablishments.Located(db));
}
