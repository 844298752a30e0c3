using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Indicators;

/// <summary>
/// The indicators of one company for one month, by name (the names of the feature dictionary,
/// e.g. <c>montant_part_patronale</c>), and its text labels (NAF codes, département…). A missing
/// value is absent (never zero); each month carries its complete set, replacing the previous one.
/// </summary>
public sealed record MonthlyIndicators(
    YearMonth Month,
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, string>? Labels = null);
