using System.Globalization;

namespace SignauxFaibles.Portal.French;

/// <summary>
/// What the portal shows officers, in French. Numbers and months are formatted by hand: the
/// repository builds with invariant globalization (no ICU data), so fr-FR is not available as a
/// culture. The labels of levels, sizes, follow-ups and nomenclature codes are in the other
/// files of this folder; the values sent to the services stay the API's.
/// </summary>
public static partial class Fr
{
    private static readonly string[] MonthNames = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    /// <summary>12 345,6 (narrow no-break space between thousands, comma for decimals).</summary>
    public static string Number(double value, int decimals = 0) =>
        value.ToString("N" + decimals, CultureInfo.InvariantCulture).Replace(",", "\u202f", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal);

    /// <summary>12 345 €, to the euro.</summary>
    public static string Euros(double value) => Number(value) + "\u00a0€";

    /// <summary>A share (0.125) as 12,5 %.</summary>
    public static string Percent(double share, int decimals = 1) => Number(share * 100, decimals) + "\u00a0%";

    /// <summary>"2020-02" → "févr. 2020"; anything else unchanged.</summary>
    public static string Month(string yearMonth) =>
        yearMonth.Length == 7 && int.TryParse(yearMonth.AsSpan(5, 2), CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
            ? $"{MonthNames[m - 1]} {yearMonth[..4]}"
            : yearMonth;

    /// <summary>A day as 05/03/2026, the way French forms write dates.</summary>
    public static string Date(DateTimeOffset at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment as 05/03/2026 14:07.</summary>
    public static string DateAndTime(DateTimeOffset at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
