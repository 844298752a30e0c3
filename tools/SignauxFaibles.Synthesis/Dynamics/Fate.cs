using SignauxFaibles.Synthesis.Population;
using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// How a company's window ends, drawn before its months are simulated: a failure must be known in
/// advance so that the slide leading to it can start months earlier (the weak signals).
/// </summary>
/// <param name="ExitOnset">For a closure that followed a slide (an owner who stops before a court does), its first month.</param>
public sealed record Fate(FailureTruth? Failure, Month? ClosureMonth, double Severity, double Curvature, Month? ExitOnset = null)
{
    /// <summary>Share of closures without proceedings that end a slide: signals that lead to no proceeding.</summary>
    public const double DistressedClosureShare = 0.35;

    /// <summary>Distress caused by the coming failure (or distressed closure) in month <paramref name="m"/>: rises from the onset to the end.</summary>
    public double Distress(Month m)
    {
        Month start, end;
        if (Failure is { } f) (start, end) = (f.DistressOnset, Month.From(f.OpenedOn));
        else if (ExitOnset is { } o && ClosureMonth is { } c) (start, end) = (o, c);
        else return 0;
        if (m < start) return 0;
        if (m >= end) return Severity;
        var progress = (m - start + 1.0) / (end - start + 1.0);
        return Severity * Math.Pow(progress, Curvature);
    }

    public static Fate Draw(Rng rng, SynthesisOptions options, FailureHazard hazard, Company company, Month first)
    {
        for (var m = first; m <= options.To; m = m.Add(1))
        {
            if (rng.Chance(hazard.Monthly(company, m)))
            {
                var opened = m.Day(rng.Between(1, m.Days));
                var u = rng.NextDouble();
                // About seven openings in ten are direct liquidations (BdF / BODACC breakdowns).
                var kind = u < 0.68 ? ProceedingKind.Liquidation : u < 0.97 ? ProceedingKind.Redressement : ProceedingKind.Sauvegarde;
                if (rng.Chance(options.SuddenFailureShare))
                    return new Fate(new FailureTruth(opened, kind, m.Add(-rng.Between(0, 2)), Sudden: true), null, rng.Uniform(0, 0.8), 1);
                var lead = Math.Clamp((int)Math.Round(rng.LogNormal(18, 0.45)), 4, 36);
                return new Fate(new FailureTruth(opened, kind, m.Add(-lead), Sudden: false), null, rng.Uniform(2.2, 3.6), rng.Uniform(0.8, 2.0));
            }
            if (rng.Chance(options.VoluntaryClosureRate / 12))
            {
                return rng.Chance(DistressedClosureShare)
                    ? new Fate(null, m, rng.Uniform(1.2, 2.4), rng.Uniform(0.8, 2.0), m.Add(-rng.Between(6, 18)))
                    : new Fate(null, m, 0, 1);
            }
        }
        return new Fate(null, null, 0, 1);
    }
}

/// <summary>A passing difficulty that ends in recovery: its signals are the false alarms of the panel.</summary>
public readonly record struct Episode(Month Start, int Months, double Severity)
{
    public double Distress(Month m)
    {
        var x = (m - Start + 0.5) / Months;
        return x is < 0 or > 1 ? 0 : Severity * (x < 0.5 ? 2 * x : 2 * (1 - x));
    }
}
