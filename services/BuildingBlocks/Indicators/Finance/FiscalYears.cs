using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Finance;

/// <summary>
/// Which fiscal year describes a company at a month: the latest one closed at least the filing
/// delay before the month's end, and the years one and two before it (closing within three
/// months of a year earlier, so a shortened year does not shift the lags).
/// </summary>
public static class FiscalYears
{
    /// <summary>For each month of the frame, the index in <paramref name="byClosing"/> of the years current, one and two before (-1 when none).</summary>
    public static (int Current, int Past1, int Past2)[] Select<T>(MonthFrame frame, IReadOnlyList<T> byClosing, Func<T, DateOnly> closing, int filingDelayMonths)
    {
        var result = new (int, int, int)[frame.Count];
        if (byClosing.Count == 0)
        {
            Array.Fill(result, (-1, -1, -1));
            return result;
        }
        // Each year counts from a month on; the years before any one of them are fixed.
        var countsFrom = byClosing.Select(y => frame.IndexOf(YearMonth.Of(closing(y)).AddMonths(filingDelayMonths))).ToArray();
        var lags = Enumerable.Range(0, byClosing.Count).Select(k => (Before(byClosing, closing, k, 1), Before(byClosing, closing, k, 2))).ToArray();
        for (var i = 0; i < frame.Count; i++)
        {
            var current = -1;
            for (var k = 0; k < countsFrom.Length; k++)
            {
                if (countsFrom[k] <= i) current = k;
            }
            result[i] = current < 0 ? (-1, -1, -1) : (current, lags[current].Item1, lags[current].Item2);
        }
        return result;
    }

    private static int Before<T>(IReadOnlyList<T> byClosing, Func<T, DateOnly> closing, int current, int years)
    {
        var target = closing(byClosing[current]).AddYears(-years);
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var k = 0; k < current; k++)
        {
            var distance = Math.Abs(closing(byClosing[k]).DayNumber - target.DayNumber);
            if (distance <= 92 && distance < bestDistance) (best, bestDistance) = (k, distance);
        }
        return best;
    }

    /// <summary>Writes a value, its <c>_past_1</c> and <c>_past_2</c> from the selected years (each year's value computed once).</summary>
    public static void Write<T>(MonthFrame frame, string name, (int Current, int Past1, int Past2)[] selection, IReadOnlyList<T> years, Func<T, double> valueOf)
    {
        var value = new double[years.Count];
        for (var k = 0; k < value.Length; k++) value[k] = valueOf(years[k]);
        var now = frame.Column(name);
        var past1 = frame.Column($"{name}_past_1");
        var past2 = frame.Column($"{name}_past_2");
        for (var i = 0; i < frame.Count; i++)
        {
            var (c, p1, p2) = selection[i];
            if (c >= 0) now[i] = value[c];
            if (p1 >= 0) past1[i] = value[p1];
            if (p2 >= 0) past2[i] = value[p2];
        }
    }

    public static double Item(FinancialStatement? statement, string code) =>
        statement is not null && statement.Items.TryGetValue(code, out var v) && v is { } d ? (double)d : double.NaN;
}
