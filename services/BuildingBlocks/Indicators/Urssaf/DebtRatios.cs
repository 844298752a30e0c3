using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Urssaf;

/// <summary>Debt measured against contributions and headcount, and the debit/default tags.</summary>
public static class DebtRatios
{
    public static void Compute(MonthFrame frame, string headcountColumn)
    {
        var n = frame.Count;
        var ouvriere = frame.Column("montant_part_ouvriere");
        var patronale = frame.Column("montant_part_patronale");
        var mean = frame.Column("cotisation_moy12m");
        var headcount = frame.Column(headcountColumn);
        var ratio = frame.Column("ratio_dette");
        var ratioMean = frame.Column("ratio_dette_moy12m");
        var perEmployee = frame.Column("dette_par_effectif");
        var perEmployeeChange = frame.Column("dette_par_effectif_var3m");
        var debit = frame.Column("tag_debit");
        var @default = frame.Column("tag_default");
        for (var i = 0; i < n; i++)
        {
            var debt = ouvriere[i] + patronale[i];
            if (mean[i] > 0) ratio[i] = debt / mean[i];
            if (headcount[i] > 0) perEmployee[i] = debt / headcount[i];
        }
        for (var i = 0; i < n; i++)
        {
            ratioMean[i] = MonthFrame.FullWindowMean(ratio, i, 12);
            if (i >= 3) perEmployeeChange[i] = (perEmployee[i] - perEmployee[i - 3]) / 3;
            if (double.IsNaN(ratio[i])) continue;
            debit[i] = MonthFrame.Flag(ratio[i] > 0.01);
            // Over a month of contributions owed three months running: NaN ratios break the run.
            @default[i] = MonthFrame.Flag(i >= 2 && ratio[i] > 1 && ratio[i - 1] > 1 && ratio[i - 2] > 1);
        }
    }
}
