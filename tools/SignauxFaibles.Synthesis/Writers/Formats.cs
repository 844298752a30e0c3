using System.Globalization;

namespace SignauxFaibles.Synthesis.Writers;

/// <summary>The notations of the delivered files, written without allocating where volumes are large.</summary>
public static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] MonthAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public static void WriteInt(this TextWriter w, long value)
    {
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var n, default, Invariant);
        w.Write(buffer[..n]);
    }

    /// <summary>An amount in cents written as euros with two decimals and the given separator (1234567 → 12345,67).</summary>
    public static void WriteCents(this TextWriter w, long cents, char separator)
    {
        if (cents < 0)
        {
            w.Write('-');
            cents = -cents;
        }
        w.WriteInt(cents / 100);
        w.Write(separator);
        var rest = (int)(cents % 100);
        w.Write((char)('0' + rest / 10));
        w.Write((char)('0' + rest % 10));
    }

    /// <summary>A decimal number with <paramref name="decimals"/> digits and the given separator (',' in French files).</summary>
    public static void WriteDecimal(this TextWriter w, double value, int decimals, char separator)
    {
        Span<char> buffer = stackalloc char[40];
        var format = decimals switch { 0 => "0", 1 => "0.0", _ => "0.00" };
        value.TryFormat(buffer, out var n, format, Invariant);
        if (separator != '.')
            for (var i = 0; i < n; i++) if (buffer[i] == '.') buffer[i] = separator;
        w.Write(buffer[..n]);
    }

    public static string Decimal(double value, int decimals, char separator)
    {
        var s = value.ToString(decimals switch { 0 => "0", 1 => "0.0", _ => "0.00" }, Invariant);
        return separator == '.' ? s : s.Replace('.', separator);
    }

    /// <summary>URSSAF (A)AAMMJJ: yyyyMMdd − 19000000 (2016-03-18 → 1160318).</summary>
    public static int UrssafDate(DateOnly d) => d.Year * 10_000 + d.Month * 100 + d.Day - 19_000_000;

    /// <summary>URSSAF period AAAAQM of a single month (July 2016 → 201631).</summary>
    public static int UrssafPeriod(Month m) => m.Year * 100 + ((m.Number - 1) / 3 + 1) * 10 + (m.Number - 1) % 3 + 1;

    public static int Compact(DateOnly d) => d.Year * 10_000 + d.Month * 100 + d.Day;

    public static string DayMonthYear(DateOnly d) => d.ToString("dd/MM/yyyy", Invariant);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    /// <summary>ddMMMyyyy with English month abbreviations, as SAS writes dates (24FEB2014).</summary>
    public static string SasDate(DateOnly d) => $"{d.Day:D2}{MonthAbbreviations[d.Month - 1]}{d.Year:D4}";

    public static string YearMonth(Month m) => $"{m.Year:D4}{m.Number:D2}";

    /// <summary>A headcount as URSSAF's wide files print it: thousands grouped with a space.</summary>
    public static string Headcount(int n) => n >= 1000 ? n.ToString("#,0", Invariant).Replace(',', ' ') : n.ToString(Invariant);
}
