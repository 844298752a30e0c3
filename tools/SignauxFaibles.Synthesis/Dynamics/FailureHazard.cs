using SignauxFaibles.Synthesis.Population;
using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// The monthly hazard of a collective proceeding. It multiplies the configured national rate by
/// the year's factor and by the company's relative risk (sector, age, latent quality), divided by
/// the mean relative risk of the companies still at risk that year — so the population fails at
/// the configured rate every year while weak, young, exposed companies fail more.
/// That mean drifts as the frailest fail first and survivors age; it is measured on a pilot
/// population (its own random stream) that lives through the window year by year before the real one.
/// </summary>
public sealed class FailureHazard
{
    private const int PilotSize = 20_000;
    private const ulong PilotStream = 99;
    private readonly SynthesisOptions _options;
    private readonly double[] _normaliser;

    public FailureHazard(SynthesisOptions options, PopulationDrawer drawer)
    {
        _options = options;
        var years = options.To.Year - options.From.Year + 1;
        _normaliser = new double[years];
        var pilots = new Company[PilotSize];
        var rngs = new Rng[PilotSize];
        var atRisk = new bool[PilotSize];
        for (var i = 0; i < PilotSize; i++)
        {
            pilots[i] = drawer.Draw(1_000_000_000L + i);
            rngs[i] = Rng.For(options.Seed, PilotStream, (ulong)i);
            atRisk[i] = true;
        }
        for (var y = 0; y < years; y++)
        {
            var first = Month.Of(options.From.Year + y, 1);
            var last = Month.Of(options.From.Year + y, 12);
            double sum = 0;
            long months = 0;
            for (var i = 0; i < PilotSize; i++)
                for (var m = first; m <= last; m = m.Add(1))
                    if (atRisk[i] && Exists(pilots[i], m))
                    {
                        sum += RelativeRisk(pilots[i], m);
                        months++;
                    }
            _normaliser[y] = months > 0 ? sum / months : 1;
            for (var i = 0; i < PilotSize; i++)
                for (var m = first; m <= last && atRisk[i]; m = m.Add(1))
                    if (Exists(pilots[i], m) && (rngs[i].Chance(Monthly(pilots[i], m)) || rngs[i].Chance(options.VoluntaryClosureRate / 12)))
                        atRisk[i] = false;
        }
    }

    public double Monthly(Company company, Month month) =>
        _options.YearlyFailureRate * NationalCycle.FailureFactor(month.Year) * RelativeRisk(company, month)
        / _normaliser[Math.Clamp(month.Year - _options.From.Year, 0, _normaliser.Length - 1)] / 12.0;

    private static bool Exists(Company company, Month m) => company.CreatedOn <= m.LastDay;

    private static double RelativeRisk(Company company, Month month)
    {
        var ageYears = Math.Max(0, month.FirstDay.DayNumber - company.CreatedOn.DayNumber) / 365.25;
        var age = ageYears switch { < 3 => 1.7, < 5 => 1.3, < 10 => 1.0, _ => 0.8 };
        // Frailty from latent quality: mean 1 over a standard normal (E[e^{-1.2 q}] = e^{1.44/2}).
        var frailty = Math.Exp(-1.2 * company.Quality - 0.72);
        return company.Sector.FailureRisk * age * frailty;
    }
}
