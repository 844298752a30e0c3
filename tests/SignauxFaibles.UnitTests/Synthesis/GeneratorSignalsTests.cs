using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.UnitTests.Synthesis;

/// <summary>
/// The generator's signals are not the same for every company (model.md, issue "live detection",
/// item 9): a debt means little in sectors that carry cash on social debt, short-time work means
/// little for a large employer, trouble shows as declarations and accounts not filed, and some
/// slides end in a closure without any proceeding. Measured on simulated lives before the lockdowns.
/// </summary>
public sealed class GeneratorSignalsTests
{
    private static readonly SynthesisOptions Options = new()
    {
        Companies = 3_000, From = Month.Of(2016, 1), To = Month.Of(2019, 12), Seed = 9,
    };

    private static readonly List<CompanyLife> Lives = [.. SyntheticDataset.Simulate(Options)];

    private static IEnumerable<(CompanyLife Life, Month Month, int K)> Months(Func<CompanyLife, bool>? which = null) =>
        from life in Lives
        where which is null || which(life)
        from k in Enumerable.Range(0, Options.Months)
        where !double.IsNaN(life.Health[k])
        select (life, Options.From.Add(k), k);

    [Fact]
    public void A_healthy_company_runs_into_debt_far_more_often_in_building_and_hospitality_than_elsewhere()
    {
        double Rate(Func<CompanyLife, bool> sector)
        {
            var healthy = Months(sector).Where(x => x.Life.Health[x.K] > 0.5).ToList();
            var opened = healthy.Count(x => x.Life.Debts.Any(d => d.Period == x.Month && d.Reason != 3));
            return (double)opened / healthy.Count;
        }
        var routine = Rate(l => l.Company.Sector.Section is 'F' or 'I');
        var other = Rate(l => l.Company.Sector.RoutineArrears == 0);
        Assert.True(routine > 5 * other, $"healthy months with a new debt: {routine:P2} in F/I, {other:P2} elsewhere");
    }

    [Fact]
    public void Short_time_work_is_routine_for_a_large_employer_and_a_distress_signal_for_a_small_one()
    {
        double Rate(bool large, Func<double, bool> health)
        {
            var months = Months().Where(x => x.Life.CompanyHeadcount(x.K) >= ShortTimeWorkOffice.LargeEmployer == large && health(x.Life.Health[x.K])).ToList();
            var asked = months.Count(x => x.Life.ShortTimeWork.Any(r => Month.From(r.Start) == x.Month));
            return (double)asked / months.Count;
        }
        var (largeHealthy, smallHealthy) = (Rate(true, h => h > 0), Rate(false, h => h > 0));
        var (largeTroubled, smallTroubled) = (Rate(true, h => h < -1.5), Rate(false, h => h < -1.5));
        Assert.True(largeHealthy > 4 * smallHealthy, $"requests in healthy months: large {largeHealthy:P2}, small {smallHealthy:P2}");
        Assert.True(smallTroubled > 2 * largeTroubled, $"requests in troubled months: small {smallTroubled:P2}, large {largeTroubled:P2}");
    }

    [Fact]
    public void A_month_not_declared_is_a_month_of_trouble_assessed_provisionally()
    {
        var undeclared = (from life in Lives
                          from e in Enumerable.Range(0, life.Company.Establishments.Count)
                          from k in Enumerable.Range(0, Options.Months)
                          where life.Undeclared[e][k]
                          select (life, e, k)).ToList();
        Assert.NotEmpty(undeclared);
        Assert.All(undeclared, x => Assert.Contains(x.life.Debts, d => d.Establishment == x.e && d.Period == Options.From.Add(x.k) && d.Reason == 3));
        Assert.True(undeclared.Average(x => x.life.Health[x.k]) < -1.5);
        Assert.DoesNotContain(undeclared, x => x.life.Company.PaysUrssafFirst);
    }

    [Fact]
    public void Companies_heading_for_a_proceeding_stop_filing_accounts_more_often_than_the_others()
    {
        double MissingShare(Func<CompanyLife, bool> which)
        {
            var (years, missing) = (0, 0);
            foreach (var life in Lives.Where(which))
                for (var y = life.FirstMonth.Year; y < life.LastMonth.Year; y++)
                {
                    if (Month.Of(y, 12) < life.FirstMonth || life.ClosedOn is { } c && c <= Month.Of(y, 12).LastDay) continue;
                    years++;
                    if (life.Statements.All(s => s.Year != y)) missing++;
                }
            return (double)missing / years;
        }
        var failing = MissingShare(l => l.Failure is { Sudden: false });
        var others = MissingShare(l => l.Failure is null);
        Assert.True(failing > 3 * others, $"years without accounts: {failing:P1} before a proceeding, {others:P1} otherwise");
    }

    [Fact]
    public void Some_closures_without_proceedings_end_a_slide()
    {
        // Health in the last three months before a closure, against two years earlier.
        static double Drop(CompanyLife life)
        {
            var last = life.LastMonth - Options.From;
            return Enumerable.Range(last - 2, 3).Average(k => life.Health[k]) - Enumerable.Range(last - 26, 3).Average(k => life.Health[k]);
        }
        var closed = Lives.Where(l => l.Failure is null && l.ClosedOn is not null && l.LastMonth - l.FirstMonth >= 27).Select(Drop).ToList();
        Assert.True(closed.Count > 30, $"{closed.Count} closures");
        var slid = closed.Count(d => d < -1.0);
        Assert.InRange((double)slid / closed.Count, 0.15, 0.6);
    }
}
