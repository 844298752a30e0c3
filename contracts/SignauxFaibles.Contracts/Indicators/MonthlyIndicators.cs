using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Indicators;

/// <summary>
/// The indicators of one company for one month, by name (the names of the feature dictionary,
/// e.g. <c>montant_part_patronale</c>). A missing source stays missing: null, never zero.
/// </summary>
public sealed record MonthlyIndicators(YearMonth Month, IReadOnlyDictionary<string, double?> Values);
