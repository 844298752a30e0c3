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
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || value.Length is < 6 or > 7) return false;
        var full = n + 19_000_000;
        return DateOnly.TryParseExact(full.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// AAAAQM or AAQM: Q quarter, M month within it; M = 0 is the whole quarter, QM = 62 the whole
    /// year; a two-digit year below 50 is 20YY. The month is (Q-1)*3+M, as the reference system
    /// computes it, and must fall within the year.
    /// </summary>
    public static bool TryParsePeriod(string value, out MonthRange period)
    {
        period = null!;
        if (value.Length == 4)
        {
            if (!int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy)) return false;
            value = (yy < 50 ? 2000 + yy : 1900 + yy).ToString(CultureInfo.InvariantCulture) + value[2..];
        }
        if (value.Length != 6 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
        var year = int.Parse(value.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var quarter = value[4] - '0';
        var month = value[5] - '0';
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
