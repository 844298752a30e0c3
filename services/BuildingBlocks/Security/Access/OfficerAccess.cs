using System.Security.Claims;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Security.Access;

/// <summary>
/// What an officer's token allows (access.md): the data rights held and the zone (départements,
/// régions or the whole country) the officer is habilitated for.
/// </summary>
public sealed record OfficerAccess(
    string Subject,
    string Institution,
    IReadOnlySet<string> Rights,
    bool National,
    IReadOnlySet<string> Departements,
    IReadOnlySet<string> Regions)
{
    /// <summary>Null when the principal is not an officer (an institution client or an operator).</summary>
    public static OfficerAccess? From(ClaimsPrincipal user)
    {
        if (user.FindFirst(SfClaims.Institution)?.Value is not { } institution) return null;
        var territories = user.FindAll(SfClaims.Territory).Select(c => c.Value).ToList();
        return new OfficerAccess(
            user.Actor(),
            institution,
            user.FindAll(SfClaims.Right).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            territories.Contains(SfClaims.NationalTerritory),
            Codes(territories, SfClaims.DepartementPrefix),
            Codes(territories, SfClaims.RegionPrefix));
    }

    public bool Holds(string right) => Rights.Contains(right);

    /// <summary>True when a place (a département and its région) lies in the zone.</summary>
    public bool Covers(string? departement, string? region) =>
        National
        || (departement is not null && Departements.Contains(departement))
        || (region is not null && Regions.Contains(region));

    /// <summary>
    /// The zone rule (<see cref="CompanyZone"/>): any open establishment in the zone; a company with
    /// no known establishment only for national officers.
    /// </summary>
    public bool CoversCompany(IReadOnlyCollection<EstablishmentPlace> establishments) =>
        National || CompanyZone.Holds(Covers, establishments);

    private static HashSet<string> Codes(IEnumerable<string> territories, string prefix) =>
        territories.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
}
