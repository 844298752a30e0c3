using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Company;

/// <summary>
/// The most severe collective proceeding open at each month's end (0 none, 1 sauvegarde,
/// 2 redressement, 3 liquidation), and the 18-month training label. A closing event ends the
/// company's proceedings; a conversion (sauvegarde → redressement → liquidation) raises the level.
/// </summary>
public static class Proceedings
{
    public static void Compute(MonthFrame frame, IReadOnlyList<InsolvencyProceeding> events)
    {
        var ordered = events.OrderBy(e => e.EffectiveOn).ToList();
        var state = frame.Column("etat_proc_collective");
        var open = frame.Column("en_procedure");
        var k = 0;
        var level = 0;
        for (var i = 0; i < frame.Count; i++)
        {
            var monthEnd = frame.MonthAt(i).LastDay;
            for (; k < ordered.Count && ordered[k].EffectiveOn <= monthEnd; k++)
            {
                level = IsClosing(ordered[k].Stage) ? 0 : Math.Max(level, Severity(ordered[k].Nature));
            }
            state[i] = level;
            open[i] = MonthFrame.Flag(level > 0);
        }
    }

    /// <summary>1 when a proceeding opens in the <paramref name="horizonMonths"/> after the month, 0 when none does and the whole horizon is known, else missing.</summary>
    public static void Outcome(MonthFrame frame, IReadOnlyList<InsolvencyProceeding> events, int horizonMonths, Contracts.Identifiers.YearMonth knownUntil)
    {
        var outcome = frame.Column(PanelSchema.Outcome);
        var openings = events.Where(e => IsOpening(e.Stage)).Select(e => e.EffectiveOn).Order().ToList();
        for (var i = 0; i < frame.Count; i++)
        {
            var month = frame.MonthAt(i);
            var end = month.AddMonths(horizonMonths).LastDay;
            if (openings.Any(d => d > month.LastDay && d <= end)) outcome[i] = 1;
            else if (month.AddMonths(horizonMonths) <= knownUntil) outcome[i] = 0;
        }
    }

    public static int Severity(ProceedingNature nature) => nature switch
    {
        ProceedingNature.Sauvegarde => 1,
        ProceedingNature.Redressement => 2,
        ProceedingNature.Liquidation => 3,
        _ => 0,
    };

    /// <summary>Stages as the sources write them (lower-case, '_'-joined): "fin", "cloture", "solde" end a proceeding.</summary>
    public static bool IsClosing(string stage) =>
        stage.Contains("fin", StringComparison.OrdinalIgnoreCase) || stage.Contains("clotur", StringComparison.OrdinalIgnoreCase)
        || stage.Contains("clôtur", StringComparison.OrdinalIgnoreCase) || stage.Contains("solde", StringComparison.OrdinalIgnoreCase);

    public static bool IsOpening(string stage) => stage.Contains("ouverture", StringComparison.OrdinalIgnoreCase);
}
