namespace SignauxFaibles.Security.Access;

/// <summary>Where one establishment of a company is, and whether it is open (Sirene's administrative state).</summary>
public sealed record EstablishmentPlace(string? Departement, string? Region, bool Open);

/// <summary>
/// The one zone rule (access.md), for every service and every response: a company is in a zone
/// when any of its open establishments is — a secondary plant counts as much as the head office,
/// and a closed establishment stops counting once Sirene records it closed. A company with no open
/// establishment left (winding down, the very case to watch) stays placed where its establishments
/// were, so the officers who knew it still see it.
/// </summary>
public static class CompanyZone
{
    /// <summary>The establishments that place the company.</summary>
    public static IReadOnlyList<EstablishmentPlace> Placing(IReadOnlyCollection<EstablishmentPlace> establishments)
    {
        var open = establishments.Where(e => e.Open).ToList();
        return open.Count > 0 ? open : [.. establishments];
    }

    /// <summary>Whether a zone, given by what it covers, holds the company.</summary>
    public static bool Holds(Func<string?, string?, bool> covers, IReadOnlyCollection<EstablishmentPlace> establishments) =>
        Placing(establishments).Any(e => covers(e.Departement, e.Region));
}
