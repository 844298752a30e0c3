using System.Globalization;

namespace SignauxFaibles.Synthesis;

/// <summary>A calendar month as a single integer (year × 12 + month − 1): cheap to store by the million.</summary>
public readonly record struct Month(int Index) : IComparable<Month>
{
    public static Month Of(int year, int month) => new(year * 12 + month - 1);

    public int Year => Index / 12;

    /// <summary>1–12.</summary>
    public int Number => Index % 12 + 1;

    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    public int Days => DateTime.DaysInMonth(Year, Number);

    public Month Add(int months) => new(Index + months);

    public DateOnly Day(int day) => new(Year, Number, Math.Min(day, Days));

    public static Month From(DateOnly date) => Of(date.Year, date.Month);

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static bool operator <(Month a, Month b) => a.Index < b.Index;
    public static bool operator >(Month a, Month b) => a.Index > b.Index;
    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;
    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;
    public static int operator -(Month a, Month b) => a.Index - b.Index;

    /// <summary>yyyy-MM, the notation of the command line and the manifest.</summary>
    public override string ToString() => $"{Year:D4}-{Number:D2}";

    public static Month Parse(string text)
    {
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return From(d);
        throw new FormatException($"'{text}' is not a month (yyyy-MM expected).");
    }
}
