using System.Globalization;

namespace SignauxFaibles.Portal.Charts;

/// <summary>
/// French number and month formatting by hand: the repository builds with invariant globalization
/// (no ICU data), so fr-FR is not available as a culture.
/// </summary>
public static class Fr
{
    private static readonly string[] MonthNames = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    /// <summary>12 345,6 (narrow no-break space between thousands, comma for decimals).</summary>
    public static string Number(double value, int decimals = 0) =>
        value.ToString("N" + decimals, CultureInfo.InvariantCulture).Replace(",", "\u202f", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal);

    public static string Euros(double value) => Number(value) + "\u00a0€";

    public static string Percent(double share, int decimals = 1) => Number(share * 100, decimals) + "\u00a0%";

    /// <summary>"2020-02" → "févr. 2020"; anything else unchanged.</summary>
    public static string Month(string yearMonth) =>
        yearMonth.Length == 7 && int.TryParse(yearMonth.AsSpan(5, 2), CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
            ? $"{MonthNames[m - 1]} {yearMonth[..4]}"
            : yearMonth;

    public static string Level(string? level) => level switch
    {
        "High" => "Rouge",
        "Moderate" => "Orange",
        "None" => "Hors liste",
        _ => "—",
    };

    /// <summary>How the level moved since the previous one (the list's "change" column).</summary>
    public static string Change(string level, string previous) => (Rank(level) - Rank(previous)) switch
    {
        > 0 when previous == "None" => "Nouvelle alerte",
        > 0 => "Aggravation",
        < 0 => "Amélioration",
        _ => "Stable",
    };

    private static int Rank(string? level) => level switch { "High" => 2, "Moderate" => 1, _ => 0 };

    public static string FollowReason(string? reason) => reason switch
    {
        "Contacted" => "Contacté par l'entreprise ou un partenaire",
        "LocalNetwork" => "Connue par le réseau local ou la presse",
        "Other" => "Autre",
        _ => reason ?? "—",
    };

    public static string FollowStatus(string? status) => status switch
    {
        "InProgress" => "En cours",
        "UnderWatch" => "Sous surveillance",
        "Closed" => "Clos",
        _ => status ?? "—",
    };
}
