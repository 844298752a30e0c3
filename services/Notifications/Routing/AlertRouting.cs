using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Nomenclatures.Naf;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Territories;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Who is told about a change. An alert to the wrong person is a breach of secrecy, so the zone and
/// the right are strict; the officer's own filters (subscription) are lenient where data is missing:
/// an unknown sector or size never hides an alert.
/// </summary>
public static class AlertRouting
{
    public static IReadOnlyList<Officer> Recipients(
        RiskLevelChanged change,
        IEnumerable<Officer> officers,
        IReadOnlyCollection<CompanyEstablishment> establishments,
        CompanyProfile? company)
    {
        return officers
            .Where(o => o.Active && o.Holds(OfficerRights.Score) && InZone(o, establishments) && Wants(o.Subscription, change, company))
            .ToList();
    }

    /// <summary>The establishments that place a company, by the one zone rule (Security's CompanyZone).</summary>
    public static IReadOnlyCollection<CompanyEstablishment> Placing(IReadOnlyCollection<CompanyEstablishment> establishments)
    {
        var placing = CompanyZone.Placing(Places(establishments)).ToHashSet();
        return establishments.Where(e => placing.Contains(Place(e))).ToList();
    }

    /// <summary>A company is in an officer's zone when any of its open establishments is (access.md, Security's CompanyZone).</summary>
    public static bool InZone(Officer officer, IReadOnlyCollection<CompanyEstablishment> establishments) =>
        CompanyZone.Holds(officer.Covers, Places(establishments));

    private static List<EstablishmentPlace> Places(IEnumerable<CompanyEstablishment> establishments) => establishments.Select(Place).ToList();

    private static EstablishmentPlace Place(CompanyEstablishment e) => new(e.Departement, e.Region, e.Active);

    public static bool Wants(Subscription subscription, RiskLevelChanged change, CompanyProfile? company)
    {
        var direction = ChangeDirections.Of(change.PreviousLevel, change.Level);
        var directionWanted = direction switch
        {
            ChangeDirection.Worsening => subscription.Worsening,
            ChangeDirection.Improving => subscription.Improving,
            _ => subscription.LeavingLists,
        };
        if (!directionWanted) return false;
        // Entering or leaving a followed list both concern the officer following it.
        var touched = new[] { change.PreviousLevel, change.Level }.Where(l => l != RiskLevel.None);
        if (!touched.Any(subscription.Levels.Contains)) return false;
        return InSectors(subscription.Sectors, company?.ActivityCode) && OfSize(subscription.SizeCategories, company?.SizeCategory);
    }

    private static bool InSectors(List<string> sectors, string? activityCode)
    {
        if (sectors.Count == 0) return true;
        var lineage = NafNomenclature.Rev2.Lineage(activityCode);
        if (lineage.Count == 0) return true;
        return sectors.Any(s => NafNomenclature.Rev2.Find(s) is { } sector && lineage.Any(a => a.Code == sector.Code));
    }

    private static bool OfSize(List<string> sizes, string? sizeCategory) =>
        sizes.Count == 0 || sizeCategory is null || sizes.Contains(sizeCategory, StringComparer.OrdinalIgnoreCase);
}
