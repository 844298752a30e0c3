using SignauxFaibles.Synthesis.Population;
using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// Simulates one company month by month. Latent health = structural quality + a persistent random
/// walk + the business cycle − the slide toward a coming failure − passing difficulties. Every
/// observable (headcount, contributions, debt, plans, short-time work, payment delays, accounts)
/// is drawn from health with its own noise: signals are informative, never certain. Some signals
/// mean different things for different companies (debt by sector, short-time work by size), and
/// some show as absence (declarations and accounts not filed).
/// </summary>
public sealed class LifeSimulator(SynthesisOptions options, FailureHazard hazard)
{
    public const ulong Stream = 2;

    /// <summary>URSSAF contributions as a share of gross wages (employer and employee parts, after reductions).</summary>
    public const double ContributionRate = 0.42;

    public CompanyLife Simulate(Company company)
    {
        var rng = Rng.For(options.Seed, Stream, (ulong)company.Index);
        var life = new CompanyLife(company, options.Months);
        var created = Month.From(company.CreatedOn);
        var first = created > options.From ? created : options.From;
        life.FirstMonth = first;

        var fate = Fate.Draw(rng, options, hazard, company, first);
        life.Failure = fate.Failure;
        var episodes = DrawEpisodes(rng, first);
        var proceedings = new ProceedingTimeline(rng, options, life, fate);
        var last = proceedings.End is { } end && end < options.To ? end : options.To;
        life.LastMonth = last;
        if (proceedings.ClosedOn is { } closedOn) life.ClosedOn = closedOn;

        var debts = new UrssafDebtBook(rng, options, life, proceedings);
        var shortTime = new ShortTimeWorkOffice(rng, options, life);
        var accounts = new Accounts(company, Rng.For(options.Seed, Stream + 100, (ulong)company.Index));
        var level = (double)company.InitialHeadcount;
        var walk = 0.5 * rng.Normal();
        var paydex = double.NaN;
        double yearHeadcount = 0, yearHealth = 0, yearWages = 0, yearSubsidies = 0;
        var yearMonths = 0;

        for (var m = first; m <= last; m = m.Add(1))
        {
            var k = m - options.From;
            walk = 0.92 * walk + options.HealthNoise * rng.Normal();
            var lockdown = NationalCycle.Lockdown(m) * company.Sector.LockdownExposure;
            var distress = fate.Distress(m) * proceedings.DistressWeight(m);
            foreach (var e in episodes) distress += e.Distress(m);
            var health = 0.9 * company.Quality + walk - 0.6 * lockdown - distress;
            life.Health[k] = health;

            level *= Math.Exp(0.0015 + 0.004 * health - 0.01 * lockdown + 0.012 * rng.Normal() + proceedings.HeadcountShock(m));
            level = Math.Clamp(level, 1, 50_000);
            var wage = company.Sector.MonthlyWage * company.WageLevel * NationalCycle.WageIndex(m);
            var winding = proceedings.EmployeesGone(m);
            var companyDue = SpreadHeadcount(life, k, m, level, winding, wage, rng);

            debts.Month(m, k, health, companyDue);
            yearSubsidies += shortTime.Month(m, k, health, lockdown, wage);

            if (company.InPaydex)
            {
                var target = 8 - 6 * company.Quality + 25 * Math.Max(0, -health - 0.3) + 5 * rng.Normal();
                paydex = double.IsNaN(paydex) ? target : 0.5 * paydex + 0.5 * target;
                life.PaydexDays[k] = paydex;
            }

            var headcount = Math.Max(0, life.CompanyHeadcount(k));
            yearHeadcount += headcount;
            yearHealth += health;
            yearWages += companyDue / ContributionRate;
            yearMonths++;
            if (m.Number == 12 && (life.ClosedOn is null || life.ClosedOn > m.LastDay))
            {
                var statement = accounts.Close(m.Year, yearHeadcount / yearMonths, yearHealth / yearMonths, yearWages * 12.0 / yearMonths,
                    yearSubsidies, debts.OutstandingCents / 100.0);
                // A company in trouble often stops filing its accounts: the last ones known grow old.
                if (!rng.Chance(1 / (1 + Math.Exp(3.8 + 1.8 * yearHealth / yearMonths)))) life.Statements.Add(statement);
            }
            if (m.Number == 12) (yearHeadcount, yearHealth, yearWages, yearSubsidies, yearMonths) = (0, 0, 0, 0, 0);
        }
        debts.AfterEnd();
        return life;
    }

    /// <summary>Spreads the company's headcount over its open establishments; returns the contributions due this month.</summary>
    private static double SpreadHeadcount(CompanyLife life, int k, Month m, double level, bool winding, double wage, Rng rng)
    {
        var establishments = life.Company.Establishments;
        var shares = 0.0;
        foreach (var e in establishments)
            if (Present(life, e, m)) shares += e.HeadcountShare;
        var due = 0.0;
        for (var i = 0; i < establishments.Count; i++)
        {
            var e = establishments[i];
            if (!Present(life, e, m)) continue;
            var headcount = winding ? 0 : (int)Math.Round(level * e.HeadcountShare / shares);
            if (i == 0 && !winding) headcount = Math.Max(1, headcount);
            life.Headcount[i][k] = headcount;
            var amount = headcount * wage * ContributionRate * (1 + 0.02 * rng.Normal());
            life.ContributionsDue[i][k] = Math.Round(Math.Max(0, amount), 2);
            due += life.ContributionsDue[i][k];
        }
        return due;
    }

    private static bool Present(CompanyLife life, Establishment e, Month m) =>
        e.CreatedOn <= m.LastDay && (life.ClosedOn is not { } closed || e.CreatedOn <= closed);

    private List<Episode> DrawEpisodes(Rng rng, Month first)
    {
        var list = new List<Episode>();
        for (var m = first; m <= options.To; m = m.Add(1))
            if (rng.Chance(options.RecoveryEpisodeRate / 12))
                list.Add(new Episode(m, rng.Between(6, 24), rng.Uniform(0.8, 2.2)));
        return list;
    }
}
