using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Urssaf.Conventions;

/// <summary>URSSAF's date and period notations (see docs: sources, URSSAF conventions).</summary>
public static class UrssafDates
{
    /// <summary>(A)AAMMJJ: the integer plus 19000000, so 1160318 is 2016-03-18 and 990612 is 1999-06-12.</summary>
    public static bool TryParseDate(string value, out DateOnly date)
    {
        date = default;
        if (value.Length is < 6 or > 7 || !TryDigits(value, out var n)) return false;
        var full = n + 19_000_000;
        int year = full / 10_000, month = full / 100 % 100, day = full % 100;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // Arithmetic instead of formatting and re-parsing: these dates are read millions of times.
    private static bool TryDigits(ReadOnlySpan<char> value, out int number)
    {
        number = 0;
        foreach (var c in value)
        {
            if (c is < '0' or > '9') return false;
            number = number * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>
    /// AAAAQM or AAQM: Q quarter, M month within it; M = 0 is the whole quarter, QM = 62 the whole
    /// year; a two-digit year below 50 is 20YY. The month is (Q-1)*3+M, as the reference system
    /// computes it, and must fall within the year.
    /// </summary>
    public static bool TryParsePeriod(string value, out MonthRange period)
    {
        period = null!;
        if (value.Length is not (4 or 6) || !TryDigits(value, out var n)) return false;
        var year = value.Length == 4 ? (n / 100 < 50 ? 2000 + n / 100 : 1900 + n / 100) : n / 100;
        var quarter = n / 10 % 10;
        var month = n % 10;
        if (year < 1900) return false;
        if (quarter == 6 && month == 2)
        {
            period = new MonthRange(new YearMonth(year, 1), new YearMonth(year, 12));
            return true;
        }
        if (month == 0)
        {
            if (quarter is < 1 or > 4) return false;
            var first = new YearMonth(year, (quarter - 1) * 3 + 1);
            period = new MonthRange(first, first.AddMonths(2));
            return true;
        }
        var m = (quarter - 1) * 3 + month;
        if (m is < 1 or > 12) return false;
        var single = new YearMonth(year, m);
        period = new MonthRange(single, single);
        return true;
    }
}
