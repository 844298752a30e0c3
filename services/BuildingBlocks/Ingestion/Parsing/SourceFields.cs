using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Field readers for notations several institutions share, in the shape <see cref="FieldCursor"/>
/// expects (null = not readable). Source-specific notations stay in the source's service.
/// </summary>
public static class SourceFields
{
    public static Siren? Siren(string v) => Contracts.Identifiers.Siren.TryParse(v, out var s) ? s : null;

    public static Siret? Siret(string v) => Contracts.Identifiers.Siret.TryParse(v, out var s) ? s : null;

    /// <summary>A number with a decimal point or a decimal comma; thousands separators ignored (see <see cref="FrenchDecimal"/>).</summary>
    public static decimal? Decimal(string v) => FrenchDecimal.Parse(v);

    /// <summary>A whole number, also when written as a decimal with a zero fraction (<c>559.0</c>, as spreadsheet exports write counts).</summary>
    public static int? WholeNumber(string v) =>
        Decimal(v) is { } d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;

    /// <summary>yyyy-MM-dd, possibly followed by a time of day (T or space), which is dropped.</summary>
    public static DateOnly? IsoDate(string v)
    {
        var day = v.Length > 10 && v[10] is 'T' or ' ' ? v[..10] : v;
        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>dd/MM/yyyy.</summary>
    public static DateOnly? FrenchDate(string v) =>
        DateOnly.TryParseExact(v, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
