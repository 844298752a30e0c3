using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// One month of a company (<see cref="Siret"/> null) or of one of its establishments. Values
/// follow <see cref="PanelSchema.Values"/> (NaN = missing), labels <see cref="PanelSchema.Labels"/>.
/// </summary>
public sealed record PanelRow(Siren Siren, Siret? Siret, YearMonth Month, double[] Values, string?[] Labels)
{
    /// <summary>Same month, same values (NaN equal to NaN) and same labels.</summary>
    public bool SameContentAs(PanelRow other)
    {
        if (Month != other.Month || Siret != other.Siret || Values.Length != other.Values.Length) return false;
        for (var i = 0; i < Values.Length; i++)
        {
            if (!Values[i].Equals(other.Values[i])) return false;
        }
        return Labels.AsSpan().SequenceEqual(other.Labels);
    }
}

/// <summary>A company's panel: its own rows then its establishments' rows, by month.</summary>
public sealed record CompanyPanel(Siren Siren, IReadOnlyList<PanelRow> CompanyRows, IReadOnlyList<PanelRow> EstablishmentRows)
{
    public IEnumerable<PanelRow> AllRows => CompanyRows.Concat(EstablishmentRows);
}
