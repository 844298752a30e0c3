namespace SignauxFaibles.Contracts.Indicators;

/// <summary>
/// Companies whose indicators changed, in chunks (a national delivery changes hundreds of
/// thousands of companies: one message each would cost a broker round-trip per company).
/// </summary>
/// <param name="Companies">The companies of this chunk, each at most once.</param>
/// <param name="UpdatedAt">When the feature service computed the values.</param>
public sealed record CompanyIndicatorsUpdated(IReadOnlyList<CompanyIndicators> Companies, DateTimeOffset UpdatedAt);
