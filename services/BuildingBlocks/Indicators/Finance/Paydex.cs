using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Finance;

/// <summary>Supplier payment delays (paydex) and the shares of late payments (FPI), latest measure of the month.</summary>
public static class Paydex
{
    public static void Compute(MonthFrame frame, IReadOnlyList<SupplierPaymentDelay> measures, int validityMonths)
    {
        var ordered = measures.OrderBy(m => m.ValueDate).ToList();
        var days = frame.Column("paydex_nb_jours");
        var fpi30 = frame.Column("fpi_30");
        var fpi90 = frame.Column("fpi_90");
        var bin = frame.Column("paydex_classe");
        var k = -1;
        for (var i = 0; i < frame.Count; i++)
        {
            var monthEnd = frame.MonthAt(i).LastDay;
            while (k + 1 < ordered.Count && ordered[k + 1].ValueDate <= monthEnd) k++;
            if (k < 0 || ordered[k].ValueDate <= monthEnd.AddMonths(-validityMonths)) continue;
            var m = ordered[k];
            days[i] = (double)m.Days;
            bin[i] = Bin(m.Days);
            // Altares rates late payments 0–100; the panel keeps shares (0–1).
            if (m.Over30DaysScore is { } s30) fpi30[i] = (double)s30 / 100;
            if (m.Over90DaysScore is { } s90) fpi90[i] = (double)s90 / 100;
        }
        frame.Lag("paydex_nb_jours", 12, "paydex_nb_jours_past_12");
        var past = frame.Column("paydex_nb_jours_past_12");
        var diff = frame.Column("paydex_nb_jours_diff_12m");
        for (var i = 0; i < frame.Count; i++) diff[i] = days[i] - past[i];
    }

    /// <summary>Bins of the reference system: ≤0, 0–15, 15–30, 30–60, 60–90, over 90 days.</summary>
    public static int Bin(decimal days) => days switch
    {
        <= 0 => 0,
        <= 15 => 1,
        <= 30 => 2,
        <= 60 => 3,
        <= 90 => 4,
        _ => 5,
    };
}
