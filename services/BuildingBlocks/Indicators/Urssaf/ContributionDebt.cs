using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Urssaf;

/// <summary>
/// Contributions due and outstanding debt per month. A debt line (account, period, line number)
/// weighs at the end of month M the amounts of its latest step (highest history number) that
/// counts by M; a step processed after the 20th counts from the next month, as URSSAF's own
/// month closes on the 20th.
/// </summary>
public static class ContributionDebt
{
    public const int CutOffDay = 20;

    public static YearMonth EffectiveMonth(DateOnly processedOn) =>
        processedOn.Day > CutOffDay ? YearMonth.Of(processedOn).AddMonths(1) : YearMonth.Of(processedOn);

    /// <summary>Writes cotisation, the two debt shares and the "URSSAF known" marker of the frame.</summary>
    public static void Compute(MonthFrame frame, UrssafScope scope)
    {
        var n = frame.Count;
        var due = new decimal[n];
        var covered = new bool[n];
        foreach (var c in scope.Contributions)
        {
            var share = c.AmountDue / c.Period.MonthCount;
            for (var i = frame.IndexOf(c.Period.First); i <= frame.IndexOf(c.Period.Last); i++)
            {
                if (!frame.Contains(i)) continue;
                due[i] += share;
                covered[i] = true;
            }
        }

        var employee = new decimal[n];
        var employer = new decimal[n];
        var firstKnown = n;
        foreach (var c in scope.Contributions) firstKnown = Math.Min(firstKnown, Math.Max(0, frame.IndexOf(c.Period.First)));
        foreach (var line in scope.DebtSteps.GroupBy(s => (s.AccountNumber, s.Period, s.DebtLineNumber)))
        {
            // For each month, the history number of the step that counts and its amounts.
            var current = new int[n];
            Array.Fill(current, int.MinValue);
            var currentEmployee = new decimal[n];
            var currentEmployer = new decimal[n];
            foreach (var step in line)
            {
                var from = Math.Max(0, frame.IndexOf(EffectiveMonth(step.ProcessedOn)));
                firstKnown = Math.Min(firstKnown, from);
                for (var i = from; i < n; i++)
                {
                    if (step.HistoryNumber < current[i]) continue;
                    current[i] = step.HistoryNumber;
                    currentEmployee[i] = step.EmployeeShare;
                    currentEmployer[i] = step.EmployerShare;
                }
            }
            for (var i = 0; i < n; i++)
            {
                if (current[i] == int.MinValue) continue;
                employee[i] += currentEmployee[i];
                employer[i] += currentEmployer[i];
            }
        }

        var cotisation = frame.Column("cotisation");
        var ouvriere = frame.Column("montant_part_ouvriere");
        var patronale = frame.Column("montant_part_patronale");
        var known = frame.Column(UrssafKnown);
        for (var i = 0; i < n; i++)
        {
            if (covered[i]) cotisation[i] = (double)due[i];
            if (i < firstKnown) continue;
            ouvriere[i] = (double)employee[i];
            patronale[i] = (double)employer[i];
            known[i] = 1;
        }
        var mean = frame.Column("cotisation_moy12m");
        for (var i = 0; i < n; i++) mean[i] = MonthFrame.FullWindowMean(cotisation, i, 12);
        frame.Lags("montant_part_ouvriere", 1, 2, 3, 6, 12);
        frame.Lags("montant_part_patronale", 1, 2, 3, 6, 12);
    }

    /// <summary>Internal column: 1 from the first month URSSAF knows the company (a declaration or a debt step).</summary>
    public const string UrssafKnown = "_urssaf_known";
}
