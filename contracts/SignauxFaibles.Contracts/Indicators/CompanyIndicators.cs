using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Indicators;

/// <summary>The months of one company's panel that changed, with their indicators after the change.</summary>
/// <param name="Siren">Company.</param>
/// <param name="Months">Every month whose indicators changed, each with its complete set of values.</param>
/// <param name="Revision">Increases with each update of this company, so a reader can drop stale updates.</param>
public sealed record CompanyIndicators(Siren Siren, IReadOnlyList<MonthlyIndicators> Months, long Revision);
