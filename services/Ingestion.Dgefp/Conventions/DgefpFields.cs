using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Dgefp.Conventions;

/// <summary>DGEFP notations: dates as yyyy-MM-dd (CSV exports, xlsx cells) or dd/MM/yyyy (older extracts), and the request codes.</summary>
public static class DgefpFields
{
    public static DateOnly? Date(string v) => SourceFields.IsoDate(v) ?? SourceFields.FrenchDate(v);

    public static ShortTimeWorkReason? Reason(string v) => Code<ShortTimeWorkReason>(v);

    public static ShortTimeWorkPerimeter? Perimeter(string v) => Code<ShortTimeWorkPerimeter>(v);

    public static ShortTimeWorkPriorUse? PriorUse(string v) => Code<ShortTimeWorkPriorUse>(v);

    // Codes come as "1" in the CSV, 1 or 1.0 from a spreadsheet; only the listed values decode.
    private static T? Code<T>(string v)
        where T : struct, Enum =>
        SourceFields.WholeNumber(v) is { } code && (T)Enum.ToObject(typeof(T), code) is var value && Enum.IsDefined(value) ? value : null;
}
