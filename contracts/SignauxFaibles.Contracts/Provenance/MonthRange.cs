using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Provenance;

/// <summary>A period of whole months, both ends included (URSSAF periods: a month, a quarter, a year).</summary>
public sealed record MonthRange(YearMonth First, YearMonth Last)
{
    public int MonthCount => Last.MonthsSince(First) + 1;
}
