using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// What follows a failure (or a voluntary closure): the court's steps, when the company ceases,
/// when a plan lets it go on. Stages are written as URSSAF's procol file does (stage_nature).
/// </summary>
public sealed class ProceedingTimeline
{
    private readonly DateOnly? _opened;
    private readonly DateOnly? _plan;

    public ProceedingTimeline(Rng rng, SynthesisOptions options, CompanyLife life, Fate fate)
    {
        if (fate.ClosureMonth is { } closure)
        {
            End = closure;
            ClosedOn = closure.Day(rng.Between(1, closure.Days));
            return;
        }
        if (fate.Failure is not { } failure) return;

        _opened = failure.OpenedOn;
        var opened = Month.From(failure.OpenedOn);
        var events = life.Proceedings;
        events.Add(new ProceedingEvent(failure.OpenedOn, failure.Kind, "Ouverture_" + Nature(failure.Kind)));
        DateOnly? liquidation = null;
        switch (failure.Kind)
        {
            case ProceedingKind.Liquidation:
                liquidation = failure.OpenedOn;
                break;
            case ProceedingKind.Redressement when rng.Chance(0.55):
                // Most recovery proceedings of small companies end converted into a liquidation.
                liquidation = opened.Add(rng.Between(2, 12)).Day(rng.Between(1, 28));
                events.Add(new ProceedingEvent(liquidation.Value, ProceedingKind.Liquidation, "Ouverture_liquidation"));
                break;
            case ProceedingKind.Redressement:
                _plan = opened.Add(rng.Between(6, 14)).Day(rng.Between(1, 28));
                events.Add(new ProceedingEvent(_plan.Value, failure.Kind, "Plan_continuation_redressement"));
                break;
            case ProceedingKind.Sauvegarde:
                _plan = opened.Add(rng.Between(6, 12)).Day(rng.Between(1, 28));
                events.Add(new ProceedingEvent(_plan.Value, failure.Kind, "Plan_sauvegarde"));
                break;
        }
        if (liquidation is { } l)
        {
            var ends = Month.From(l).Add(rng.Between(0, 2));
            End = ends;
            ClosedOn = ends.Day(rng.Between(1, ends.Days));
            if (ClosedOn < l) ClosedOn = l;
            var closing = Month.From(l).Add(rng.Between(12, 30)).Day(rng.Between(1, 28));
            events.Add(new ProceedingEvent(closing, ProceedingKind.Liquidation, "Solde_procedure_liquidation"));
        }
        // Events after the window are not known yet: the file of the window's last month cannot hold them.
        events.RemoveAll(e => e.EffectiveOn > options.To.LastDay);
    }

    /// <summary>The last month the company is active, when it ends within or after the window.</summary>
    public Month? End { get; }

    public DateOnly? ClosedOn { get; }

    public DateOnly? Opened => _opened;

    /// <summary>A plan lets the company breathe: the slide's weight fades after it.</summary>
    public double DistressWeight(Month m) =>
        _plan is { } plan && m > Month.From(plan) ? Math.Max(0.2, 1 - 0.1 * (m - Month.From(plan))) : 1;

    /// <summary>Layoffs in the six months after the opening.</summary>
    public double HeadcountShock(Month m) =>
        _opened is { } o && m >= Month.From(o) && m - Month.From(o) < 6 ? -0.05 : 0;

    /// <summary>On the month the company ceases, nobody is employed any more.</summary>
    public bool EmployeesGone(Month m) => End is { } end && m == end;

    /// <summary>Cd_pro_col of a débit step on that day: 0 none, 1 proceeding open, 2 plan running.</summary>
    public int ProceedingCode(DateOnly day) =>
        _opened is not { } o || day < o ? 0 : _plan is { } p && day >= p ? 2 : 1;

    /// <summary>Debts are frozen from the opening: payments go through the proceeding, not the account.</summary>
    public bool Frozen(DateOnly day) => _opened is { } o && day >= o && (_plan is not { } p || day < p);

    public static string Nature(ProceedingKind kind) => kind switch
    {
        ProceedingKind.Sauvegarde => "sauvegarde",
        ProceedingKind.Redressement => "redressement",
        _ => "liquidation",
    };
}
