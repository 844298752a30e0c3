using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Urssaf;

/// <summary>
/// Payment plans (délais) and CCSF plans running at the end of each month. A plan counts from
/// the day it was granted (processing date), so a plan granted later changes no earlier month.
/// </summary>
public static class PaymentPlans
{
    public static void Compute(MonthFrame frame, UrssafScope scope)
    {
        var known = frame.Column(ContributionDebt.UrssafKnown);
        var running = frame.Column("delai_en_cours");
        var totalDays = frame.Column("delai_nb_jours_total");
        var amount = frame.Column("delai_montant_echeancier");
        var remaining = frame.Column("delai_nb_jours_restants");
        var deviation = frame.Column("delai_deviation_remboursement");
        var ccsf = frame.Column("ccsf_en_cours");
        var ouvriere = frame.Column("montant_part_ouvriere");
        var patronale = frame.Column("montant_part_patronale");
        var plans = scope.PaymentPlans.OrderBy(p => p.GrantedOn).ToList();
        var ccsfByAccount = scope.CcsfSteps.GroupBy(s => s.AccountNumber)
            .Select(g => g.OrderBy(s => s.ProcessedOn).ToList()).ToList();

        for (var i = 0; i < frame.Count; i++)
        {
            var monthEnd = frame.MonthAt(i).LastDay;
            var plan = plans.LastOrDefault(p => p.GrantedOn <= monthEnd && p.DueOn > monthEnd);
            var ccsfRunning = ccsfByAccount.Any(steps => steps.LastOrDefault(s => s.ProcessedOn <= monthEnd) is { } last && IsRunning(last.Stage));
            if (plan is null)
            {
                if (known[i] == 1) running[i] = 0;
            }
            else
            {
                running[i] = 1;
                totalDays[i] = plan.DurationDays;
                var left = plan.DueOn.DayNumber - monthEnd.DayNumber;
                remaining[i] = left;
                if (plan.Amount is { } a && a > 0)
                {
                    amount[i] = (double)a;
                    // Debt still owed against what a linear schedule would leave, as a share of the plan.
                    var expected = (double)a * left / Math.Max(1, plan.DurationDays);
                    deviation[i] = (ouvriere[i] + patronale[i] - expected) / (double)a;
                }
            }
            if (ccsfRunning) ccsf[i] = 1;
            else if (known[i] == 1 || ccsfByAccount.Any(steps => steps[0].ProcessedOn <= monthEnd)) ccsf[i] = 0;
        }
    }

    /// <summary>A CCSF plan runs from its start (DEBUT) or approval (APPROB) until its end, refusal or rejection.</summary>
    public static bool IsRunning(string stage) =>
        stage.Equals("DEBUT", StringComparison.OrdinalIgnoreCase) || stage.Equals("APPROB", StringComparison.OrdinalIgnoreCase);
}
