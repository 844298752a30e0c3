using System.Globalization;
using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Identifiers;

/// <summary>A calendar month, the time unit of the company panel. Serialised as "yyyy-MM".</summary>
[JsonConverter(typeof(YearMonthJsonConverter))]
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>Months since year 0, handy for arithmetic and compact storage.</summary>
    public int Index => Year * 12 + Month - 1;

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static YearMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static YearMonth Of(DateTime date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    /// <summary>Number of months from <paramref name="other"/> to this month (negative when earlier).</summary>
    public int MonthsSince(YearMonth other) => Index - other.Index;

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth first, YearMonth last)
    {
        for (var i = first.Index; i <= last.Index; i++) yield return FromIndex(i);
    }

    public static YearMonth Parse(string value) =>
        TryParse(value, out var result)
            ? result
            : throw new FormatException($"'{value}' is not a month: yyyy-MM expected.");

    public static bool TryParse(string? value, out YearMonth result)
    {
        result = default;
        if (value is not { Length: 7 } || value[4] != '-') return false;
        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1 || m is < 1 or > 12) return false;
        result = new YearMonth(y, m);
        return true;
    }

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    public override string ToString() =>
        Year == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
