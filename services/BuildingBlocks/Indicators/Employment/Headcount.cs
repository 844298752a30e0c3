using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Employment;

/// <summary>
/// Monthly headcount with its lags and 12-month variation. A month without a delivered headcount
/// repeats the latest one for a few months, flagged <c>_reporte</c>, so one missing declaration
/// does not read as a company emptied of its staff.
/// </summary>
public static class Headcount
{
    /// <summary>Writes <paramref name="name"/>, its lags 6/12/18/24, <c>_var12m</c> and <c>_reporte</c>.</summary>
    public static void Compute(MonthFrame frame, string name, IEnumerable<(YearMonth Month, int Headcount)> reported, int carryForwardMonths)
    {
        var n = frame.Count;
        var delivered = new double[n];
        Array.Fill(delivered, double.NaN);
        foreach (var (month, headcount) in reported)
        {
            var i = frame.IndexOf(month);
            if (frame.Contains(i)) delivered[i] = headcount;
        }

        var value = frame.Column(name);
        var carried = frame.Column($"{name}_reporte");
        var lastIndex = -1;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(delivered[i]))
            {
                value[i] = delivered[i];
                carried[i] = 0;
                lastIndex = i;
            }
            else if (lastIndex >= 0 && i - lastIndex <= carryForwardMonths)
            {
                value[i] = delivered[lastIndex];
                carried[i] = 1;
            }
        }
        frame.Lags(name, 6, 12, 18, 24);
        var past12 = frame.Column($"{name}_past_12");
        var variation = frame.Column($"{name}_var12m");
        for (var i = 0; i < n; i++)
        {
            if (past12[i] > 0) variation[i] = value[i] / past12[i] - 1;
        }
    }

    /// <summary>Sum of the establishments' headcounts (each carried forward as above), where any is known.</summary>
    public static void Sum(MonthFrame company, IEnumerable<MonthFrame> establishments, string establishmentColumn, string target)
    {
        var sum = company.Column(target);
        foreach (var establishment in establishments)
        {
            var values = establishment.Find(establishmentColumn);
            if (values is null) continue;
            var offset = establishment.First.MonthsSince(company.First);
            for (var i = 0; i < values.Length; i++)
            {
                var j = i + offset;
                if (double.IsNaN(values[i]) || !company.Contains(j)) continue;
                sum[j] = double.IsNaN(sum[j]) ? values[i] : sum[j] + values[i];
            }
        }
    }
}
