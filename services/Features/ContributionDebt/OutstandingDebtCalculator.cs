using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Features.ContributionDebt;

/// <summary>
/// Pure computation of a company's outstanding debt per month from the steps of its debt lines:
/// at the end of month M each line weighs the amount of its latest step (highest history number)
/// that counts by M, and a step processed after the 20th counts from the next month.
/// </summary>
public static class OutstandingDebtCalculator
{
    public const int CutOffDay = 20;

    public static YearMonth EffectiveMonth(DateOnly processedOn) =>
        processedOn.Day > CutOffDay ? YearMonth.Of(processedOn).AddMonths(1) : YearMonth.Of(processedOn);

    /// <summary>One value per month from the first to the last month in which a step counts.</summary>
    public static IReadOnlyList<OutstandingDebt> Compute(IEnumerable<DebtStep> steps)
    {
        var lines = steps
            .GroupBy(s => (s.AccountNumber, s.PeriodFirst, s.DebtLineNumber))
            .Select(g => g.OrderBy(s => s.HistoryNumber).ToList())
            .ToList();
        if (lines.Count == 0) return [];

        var first = lines.Min(l => l.Min(s => s.EffectiveMonth));
        var last = lines.Max(l => l.Max(s => s.EffectiveMonth));
        var result = new List<OutstandingDebt>(last.MonthsSince(first) + 1);
        foreach (var month in YearMonth.Range(first, last))
        {
            decimal employee = 0, employer = 0;
            foreach (var line in lines)
            {
                // Latest step (by history number) already counting at the end of the month.
                DebtStep? current = null;
                foreach (var step in line)
                {
                    if (step.EffectiveMonth <= month) current = step;
                }
                if (current is null) continue;
                employee += current.EmployeeShare;
                employer += current.EmployerShare;
            }
            result.Add(new OutstandingDebt(month, employee, employer));
        }
        return result;
    }
}
