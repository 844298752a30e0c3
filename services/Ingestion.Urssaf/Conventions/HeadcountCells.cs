using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Ingestion.Urssaf.Conventions;

/// <summary>A month column of a wide headcount file: eff + URSSAF period, e.g. eff201631 = July 2016.</summary>
/// <param name="Index">Position in the header, from 0.</param>
/// <param name="Name">Column name as delivered.</param>
/// <param name="Month">The month; null when the name is no single month (then <paramref name="Problem"/> says why).</param>
/// <param name="Problem">Why the column's cells cannot be read.</param>
public sealed record MonthColumn(int Index, string Name, YearMonth? Month, string? Problem)
{
    public const string Pattern = "effAAAAQM";

    public const string NotAMonth = "the column name is not an URSSAF month (effAAAAQM: quarter Q 1-4, month of the quarter M 1-3)";

    /// <summary>
    /// Columns named eff + 4 or 6 digits. Other eff… names (effectif, eff_moyen) are not month columns.
    /// A name with digits that are no single month (eff202401: quarter 0; eff201010: a whole quarter)
    /// is kept with its problem rather than skipped: its cells are then rejected one by one, so the
    /// figures it holds are reported instead of vanishing, and no month is guessed for them.
    /// </summary>
    public static IReadOnlyList<MonthColumn> FindAll(IReadOnlyList<string> header)
    {
        var found = new List<MonthColumn>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (!name.StartsWith("eff", StringComparison.OrdinalIgnoreCase) || name.Length is not (7 or 9)) continue;
            var digits = name[3..];
            if (!digits.All(char.IsAsciiDigit)) continue;
            found.Add(UrssafDates.TryParsePeriod(digits, out var period) && period.First == period.Last
                ? new MonthColumn(i, name, period.First, null)
                : new MonthColumn(i, name, null, NotAMonth));
        }
        return found;
    }
}

/// <summary>Headcount cells of the wide files.</summary>
public static class HeadcountCells
{
    public const string NotAHeadcount = "not a headcount (a whole number; thousands separators only between groups of three digits)";

    public const string NoMonth = "no month column holds a headcount: nothing to ingest for this line";

    /// <summary>
    /// A whole number of employees, 0 included. Thousands separators — space, no-break spaces, '.' or
    /// ',' — are stripped, but only between groups of three digits and one kind per value: "12,5" is a
    /// decimal, not 125 (the reference system stripped every non-digit and read it as 125).
    /// </summary>
    public static int? Parse(string raw)
    {
        var s = raw.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (s.Where(c => c is ' ' or '.' or ',').Distinct().Count() > 1) return null;
        var groups = s.Split(' ', '.', ',');
        if (groups.Length > 1 && (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))) return null;
        return int.TryParse(string.Concat(groups), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
