using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Nomenclatures.Naf;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Territories;

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
        var placing = Placing(establishments);
        return officers
            .Where(o => o.Active && o.Holds(OfficerRights.Score) && InZone(o, placing) && Wants(o.Subscription, change, company))
            .ToList();
    }

    /// <summary>
    /// The establishments that place a company: its open ones. A company whose establishments are all
    /// closed (it is winding down, the very case to watch) is still placed where they were.
    /// </summary>
    public static IReadOnlyCollection<CompanyEstablishment> Placing(IReadOnlyCollection<CompanyEstablishment> establishments)
    {
        var open = establishments.Where(e => e.Active).ToList();
        return open.Count > 0 ? open : establishments;
    }

    /// <summary>A company is in an officer's zone when any of its establishments is (access.md).</summary>
    public static bool InZone(Officer officer, IEnumerable<CompanyEstablishment> placing) =>
        placing.Any(e => officer.Covers(e.Departement, e.Region));

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
