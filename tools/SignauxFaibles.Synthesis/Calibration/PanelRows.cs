using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Calibration;

/// <summary>One company at the end of one month: the main indicators as the feature service would compute them, and the label.</summary>
public sealed class PanelRow
{
    public bool Label { get; set; }

    /// <summary>Which side of the company split the row falls on (0–9 from the SIREN).</summary>
    public int Fold { get; set; }

    public float DebtRatio { get; set; }
    public float DebtRatio3MonthsAgo { get; set; }
    public float DebtRatio12MonthMean { get; set; }
    public float HeadcountLog { get; set; }
    public float HeadcountChange12Months { get; set; }
    public float ShortTimeWorkRatio12Months { get; set; }
    public float PaymentPlanRunning { get; set; }
    public float PaydexDays { get; set; }
    public float PaydexMissing { get; set; }
    public float MarginRate { get; set; }
    public float EquityToTurnover { get; set; }
    public float FinanceMissing { get; set; }
    public float AgeYears { get; set; }
    public float SectorRisk { get; set; }
}

/// <summary>
/// Computes, straight from a simulated life, the indicators of indicators.md that matter most
/// (URSSAF debt ratio and its history, headcount change, short-time work, payment delays, margin
/// and equity of the last closed year), only from facts known at the end of the month, and the
/// 18-month label of model.md. Companies already in a proceeding or ceased are left out.
/// </summary>
public static class PanelRows
{
    public const int HorizonMonths = 18;

    public static IEnumerable<PanelRow> For(CompanyLife life, SynthesisOptions options, int everyMonths = 3)
    {
        var months = options.Months;
        var debt = OutstandingByMonth(life, options);
        var due = new double[months];
        for (var e = 0; e < life.ContributionsDue.Length; e++)
            for (var k = 0; k < months; k++) due[k] += life.ContributionsDue[e][k];
        var fold = (int)(ulong.Parse(life.Company.Siren, System.Globalization.CultureInfo.InvariantCulture) % 10);
        var opened = life.Failure is { } f ? Month.From(f.OpenedOn) - options.From : int.MaxValue;
        var lastK = life.LastMonth - options.From;
        for (var k = Math.Max(12, life.FirstMonth - options.From + 12); k <= months - 1 - HorizonMonths && k <= lastK; k += everyMonths)
        {
            if (k >= opened) yield break;
            var mean12 = 0.0;
            for (var j = k - 11; j <= k; j++) mean12 += due[j];
            mean12 /= 12;
            if (mean12 <= 0) continue;
            var ratio = debt[k] / mean12;
            var ratioMean = 0.0;
            for (var j = k - 11; j <= k; j++) ratioMean += debt[j] / mean12;
            var headcount = Math.Max(0, life.CompanyHeadcount(k));
            var before = Math.Max(0, life.CompanyHeadcount(k - 12));
            var month = options.From.Add(k);
            var statement = life.Statements.LastOrDefault(s => s.ClosedOn.AddMonths(6) <= month.LastDay);
            var paydex = life.PaydexDays[k];
            yield return new PanelRow
            {
                Label = opened <= k + HorizonMonths,
                Fold = fold,
                DebtRatio = (float)Math.Log(1 + ratio),
                DebtRatio3MonthsAgo = (float)Math.Log(1 + debt[k - 3] / mean12),
                DebtRatio12MonthMean = (float)Math.Log(1 + ratioMean / 12),
                HeadcountLog = (float)Math.Log(1 + headcount),
                HeadcountChange12Months = (float)Math.Log((1.0 + headcount) / (1.0 + before)),
                ShortTimeWorkRatio12Months = (float)Math.Min(1, ShortTimeHours(life, month) / (Math.Max(1, headcount) * 151.67 * 12)),
                PaymentPlanRunning = life.PaymentPlans.Any(p => p.GrantedOn <= month.LastDay && p.GrantedOn.AddDays(p.Days) >= month.LastDay) ? 1 : 0,
                PaydexDays = double.IsNaN(paydex) ? 0 : (float)Math.Clamp(paydex, -10, 120),
                PaydexMissing = double.IsNaN(paydex) ? 1 : 0,
                MarginRate = statement is null || !(life.Company.InBdf || life.Company.InDiane) ? 0 : (float)Math.Clamp(statement.MarginRate, -200, 200),
                EquityToTurnover = statement is null || !(life.Company.InBdf || life.Company.InDiane) ? 0 : (float)Math.Clamp(statement.Equity / statement.Turnover, -2, 2),
                FinanceMissing = statement is null || !(life.Company.InBdf || life.Company.InDiane) ? 1 : 0,
                AgeYears = (float)Math.Max(0, (month.LastDay.DayNumber - life.Company.CreatedOn.DayNumber) / 365.25),
                SectorRisk = (float)life.Company.Sector.FailureRisk,
            };
        }
    }

    /// <summary>Outstanding debt (euros) at each month's end: the latest step of every line processed by then.</summary>
    private static double[] OutstandingByMonth(CompanyLife life, SynthesisOptions options)
    {
        var months = options.Months;
        var delta = new double[months + 1];
        foreach (var line in life.Debts)
        {
            long previous = 0;
            foreach (var step in line.Steps)
            {
                var k = Month.From(step.ProcessedOn) - options.From;
                var remaining = step.EmployeeCents + step.EmployerCents;
                if (k < months) delta[Math.Max(0, k)] += (remaining - previous) / 100.0;
                previous = remaining;
            }
        }
        var debt = new double[months];
        var running = 0.0;
        for (var k = 0; k < months; k++) debt[k] = running += delta[k];
        return debt;
    }

    private static double ShortTimeHours(CompanyLife life, Month month)
    {
        var hours = 0.0;
        foreach (var r in life.ShortTimeWork)
            foreach (var c in r.Consumption)
                if (c.Month <= month && c.Month > month.Add(-12)) hours += c.Hours;
        return hours;
    }
}
