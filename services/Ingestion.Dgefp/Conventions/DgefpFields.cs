using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Dgefp.Conventions;

/// <summary>DGEFP notations: dates as yyyy-MM-dd (CSV exports, xlsx cells) or dd/MM/yyyy (older extracts), months also as MM/yyyy, and the request codes.</summary>
public static class DgefpFields
{
    public static DateOnly? Date(string v) => SourceFields.IsoDate(v) ?? SourceFields.FrenchDate(v);

    /// <summary>
    /// A month: a day within it (as <see cref="Date"/>), or the month alone as older consumption
    /// exports write it, <c>MM/yyyy</c> (<c>12/2004</c>, also <c>M/yyyy</c>) or <c>yyyy-MM</c>.
    /// </summary>
    public static YearMonth? Month(string v)
    {
        if (Date(v) is { } day) return YearMonth.Of(day);
        string[] formats = ["MM/yyyy", "M/yyyy", "yyyy-MM"];
        return DateOnly.TryParseExact(v, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? YearMonth.Of(first) : null;
    }

    public static ShortTimeWorkReason? Reason(string v) => Code<ShortTimeWorkReason>(v);

    public static ShortTimeWorkPerimeter? Perimeter(string v) => Code<ShortTimeWorkPerimeter>(v);

    public static ShortTimeWorkPriorUse? PriorUse(string v) => Code<ShortTimeWorkPriorUse>(v);

    // Codes come as "1" in the CSV, 1 or 1.0 from a spreadsheet; only the listed values decode.
    private static T? Code<T>(string v)
        where T : struct, Enum =>
        SourceFields.WholeNumber(v) is { } code && (T)Enum.ToObject(typeof(T), code) is var value && Enum.IsDefined(value) ? value : null;
}
