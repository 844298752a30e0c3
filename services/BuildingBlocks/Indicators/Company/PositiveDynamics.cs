using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Company;

/// <summary>
/// Signs of recovery officers may follow: headcount up by a tenth or more over 6 or 12 months,
/// short-time work just ended, URSSAF debt cleared.
/// </summary>
public static class PositiveDynamics
{
    public const double HeadcountRise = 0.10;

    public static void Compute(MonthFrame frame, string headcountColumn)
    {
        var headcount = frame.Column(headcountColumn);
        var rise6 = frame.Column("dyn_effectif_hausse_6m");
        var rise12 = frame.Column("dyn_effectif_hausse_12m");
        var apartEnded = frame.Column("dyn_fin_activite_partielle");
        var debtCleared = frame.Column("dyn_dette_soldee");
        var used = frame.Column("apart_heures_consommees");
        var authorised = frame.Column("apart_heures_autorisees");
        var ouvriere = frame.Column("montant_part_ouvriere");
        var patronale = frame.Column("montant_part_patronale");
        for (var i = 0; i < frame.Count; i++)
        {
            if (i >= 6 && headcount[i - 6] > 0 && !double.IsNaN(headcount[i])) rise6[i] = MonthFrame.Flag(headcount[i] >= headcount[i - 6] * (1 + HeadcountRise));
            if (i >= 12 && headcount[i - 12] > 0 && !double.IsNaN(headcount[i])) rise12[i] = MonthFrame.Flag(headcount[i] >= headcount[i - 12] * (1 + HeadcountRise));
            var usedBefore = i >= 3 && (used[i - 1] > 0 || used[i - 2] > 0 || used[i - 3] > 0);
            apartEnded[i] = MonthFrame.Flag(usedBefore && used[i] == 0 && authorised[i] == 0);
            if (i >= 3 && !double.IsNaN(ouvriere[i]) && !double.IsNaN(ouvriere[i - 3]))
            {
                debtCleared[i] = MonthFrame.Flag(ouvriere[i - 3] + patronale[i - 3] > 0 && ouvriere[i] + patronale[i] == 0);
            }
        }
    }
}
