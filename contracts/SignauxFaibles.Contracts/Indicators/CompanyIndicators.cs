using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Indicators;

/// <summary>The latest months of one company's panel that changed, with their indicators after the change.</summary>
/// <param name="Siren">Company.</param>
/// <param name="Months">
/// The months whose indicators changed, each with its complete set of values, oldest first — at
/// most the latest few of them (the feature service's <c>Panel:AnnouncedMonths</c>, 12 by
/// default). A late fact can rewrite ten years of a company's history; readers of its current
/// state (scoring keeps four months) need none of that carried in every event.
/// </param>
/// <param name="Revision">Increases with each update of this company, so a reader can drop stale updates.</param>
/// <param name="ChangedFrom">
/// The earliest month that changed, older than <paramref name="Months"/> when some were not
/// carried: a reader keeping more history reads them from the feature service's API.
/// </param>
/// <param name="AsOf">
/// The panel's last month when these values were computed (the latest scorable month). A reader
/// drops any month it holds after it: the panel's end can move back, when contributions turn out
/// to stop earlier than the calendar. Null from senders older than this field.
/// </param>
public sealed record CompanyIndicators(Siren Siren, IReadOnlyList<MonthlyIndicators> Months, long Revision, YearMonth? ChangedFrom = null, YearMonth? AsOf = null);
