using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Indicators.Facts;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// The last month of the panel and so of the detection list: the latest month whose URSSAF
/// contributions have been delivered, never past the last complete month. A month's row is
/// defined from the facts known at its end (indicators.md); the running month has no end yet,
/// and a month without its contributions has no <c>cotisation</c>, <c>ratio_dette</c> or
/// <c>cotisation_moy12m</c> — rows no model was trained on. Both the feature service and
/// <c>sf panel build</c> take their last month from here, so live and offline agree.
/// </summary>
/// <remarks>
/// URSSAF declares a month's contributions during the next one, so on the 7th of December the
/// list is normally dated October, and November once its contributions are in. A late URSSAF
/// delivery holds the list back rather than letting it run ahead on incomplete rows. When no
/// contribution was ever delivered (a platform fed without URSSAF), the bound alone applies.
/// </remarks>
public static class ScorableMonth
{
    /// <summary>The last complete month at <paramref name="now"/>: the running month is never scorable.</summary>
    public static YearMonth LastComplete(DateTimeOffset now) => YearMonth.Of(now.UtcDateTime).AddMonths(-1);

    /// <summary>
    /// The panel's last month: <paramref name="bound"/> (the last complete month, or a month the
    /// operator pins), brought back to <paramref name="contributionsThrough"/> when the
    /// contributions stop earlier — but never before <paramref name="from"/>.
    /// </summary>
    public static YearMonth Resolve(YearMonth from, YearMonth bound, YearMonth? contributionsThrough)
    {
        var last = contributionsThrough is { } through && through < bound ? through : bound;
        return last < from ? from : last;
    }

    /// <summary>The latest month the contributions among <paramref name="facts"/> cover, or null when they hold none.</summary>
    public static YearMonth? ContributionsThrough(IEnumerable<Fact> facts)
    {
        YearMonth? latest = null;
        foreach (var fact in facts) latest = Later(latest, fact);
        return latest;
    }

    /// <summary><paramref name="latest"/>, moved to the last month <paramref name="fact"/> covers if it is a later contribution.</summary>
    public static YearMonth? Later(YearMonth? latest, Fact fact) =>
        fact.Record is ContributionDeclaration declaration && (latest is null || declaration.Period.Last > latest) ? declaration.Period.Last : latest;
}
