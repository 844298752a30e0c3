using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.Population;

namespace SignauxFaibles.UnitTests.Synthesis;

/// <summary>
/// The simulated population against its stated targets: failure rates, sector and size shares,
/// causality (no proceeding before its slide, nothing after a company ceased), and weak signals
/// that are neither necessary nor sufficient. Simulated without writing files, so larger N stay fast.
/// </summary>
public class PopulationTests
{
    private static readonly SynthesisOptions Options = new()
    {
        Companies = 12_000, From = Month.Of(2022, 1), To = Month.Of(2025, 12), Seed = 99,
    };

    private static readonly Lazy<List<CompanyLife>> Lives = new(() => [.. SyntheticDataset.Simulate(Options)]);

    [Fact]
    public void Yearly_failure_rate_is_within_20_percent_of_the_configured_rate()
    {
        foreach (var year in Enumerable.Range(Options.From.Year, Options.To.Year - Options.From.Year + 1))
        {
            double exposureYears = 0;
            var failures = 0;
            foreach (var life in Lives.Value)
            {
                // Company-years at risk: months the company existed in that year, until its failure or closure.
                var end = life.Failure is { } f ? Month.From(f.OpenedOn) : life.LastMonth;
                for (var m = Month.Of(year, 1); m <= Month.Of(year, 12); m = m.Add(1))
                    if (m >= life.FirstMonth && m <= end) exposureYears += 1 / 12.0;
                if (life.Failure?.OpenedOn.Year == year) failures++;
            }
            var measured = failures / exposureYears;
            var configured = Options.YearlyFailureRate * NationalCycle.FailureFactor(year);
            Assert.InRange(measured / configured, 0.8, 1.2);
        }
    }

    [Fact]
    public void The_2020_2021_dip_and_the_2023_2025_rise_follow_the_national_series()
    {
        Assert.True(NationalCycle.FailureFactor(2021) < 0.6 * NationalCycle.FailureFactor(2025));
        Assert.True(NationalCycle.FailureFactor(2020) < NationalCycle.FailureFactor(2019));
        Assert.True(NationalCycle.FailureFactor(2024) > NationalCycle.FailureFactor(2023));
    }

    [Fact]
    public void Sector_and_size_shares_match_the_national_proportions()
    {
        var n = (double)Lives.Value.Count;
        foreach (var sector in Sectors.All)
        {
            var share = Lives.Value.Count(l => l.Company.Sector == sector) / n;
            Assert.InRange(share, sector.Share / 100 * 0.8 - 0.003, sector.Share / 100 * 1.2 + 0.003);
        }
        for (var b = 0; b < SizeBands.All.Length; b++)
        {
            var band = SizeBands.All[b];
            var share = Lives.Value.Count(l => SizeBands.BandOf(l.Company.InitialHeadcount) == b) / n;
            Assert.InRange(share, band.Share / 100 * 0.8 - 0.003, band.Share / 100 * 1.2 + 0.003);
        }
        // Most companies have 10 to 49 employees; larger ones have several establishments.
        Assert.True(Lives.Value.Count(l => l.Company.InitialHeadcount < 50) / n > 0.8);
        Assert.True(Lives.Value.Where(l => l.Company.InitialHeadcount >= 250).Average(l => l.Company.Establishments.Count) > 3);
    }

    [Fact]
    public void No_failure_comes_before_its_slide_and_nothing_happens_after_a_company_ceased()
    {
        foreach (var life in Lives.Value)
        {
            if (life.Failure is { } f)
            {
                Assert.True(f.DistressOnset <= Month.From(f.OpenedOn));
                Assert.Equal(f.OpenedOn, life.Proceedings.Min(p => p.EffectiveOn));
                Assert.True(Month.From(f.OpenedOn) >= life.FirstMonth);
            }
            else
            {
                Assert.Empty(life.Proceedings);
            }
            if (life.ClosedOn is not { } closed) continue;
            Assert.True(Month.From(closed) == life.LastMonth || life.LastMonth == Options.To);
            foreach (var line in life.Debts)
                foreach (var step in line.Steps.Where(s => s.ProcessedOn > closed.AddMonths(2)))
                    Assert.Equal(5, step.Operation); // only the abandonment of what remained
            for (var k = life.LastMonth - Options.From + 1; k < Options.Months; k++)
                Assert.Equal(-1, life.CompanyHeadcount(k));
        }
    }

    [Fact]
    public void Slides_are_visible_in_latent_health_only_from_their_onset()
    {
        // Mean health of failing companies: close to the others' two years before a slow failure's
        // opening when the onset is later, clearly lower in the months just before it.
        var slow = Lives.Value.Where(l => l.Failure is { Sudden: false } f && Month.From(f.OpenedOn).Add(-30) >= l.FirstMonth).ToList();
        Assert.NotEmpty(slow);
        double before = 0, near = 0;
        foreach (var life in slow)
        {
            var opened = Month.From(life.Failure!.OpenedOn) - Options.From;
            near += life.Health[opened - 1];
            before += life.Health[opened - 30];
        }
        Assert.True(near / slow.Count < before / slow.Count - 1.0, $"mean health 30 months before {before / slow.Count:F2}, 1 month before {near / slow.Count:F2}");
    }

    [Fact]
    public void Some_failures_have_no_prior_urssaf_debt_and_most_debtors_do_not_fail()
    {
        var failed = Lives.Value.Where(l => l.Failure is not null).ToList();
        var withoutDebt = failed.Count(l =>
            !l.Debts.Any(d => d.Steps[0].ProcessedOn < l.Failure!.OpenedOn && d.Steps[0].ProcessedOn >= l.Failure.OpenedOn.AddMonths(-12)));
        Assert.InRange((double)withoutDebt / failed.Count, 0.15, 0.6);
        var debtors = Lives.Value.Where(l => l.Debts.Count > 0).ToList();
        Assert.True(debtors.Count(l => l.Failure is null) > 0.7 * debtors.Count);
        // Some slide, then recover: companies with a large debt episode that never failed.
        Assert.Contains(Lives.Value, l => l.Failure is null && l.PaymentPlans.Count > 0);
    }

    [Fact]
    public void Short_time_work_surges_during_the_lockdowns()
    {
        var lives = SyntheticDataset.Simulate(Options with { Companies = 2_000, From = Month.Of(2019, 1), To = Month.Of(2020, 12) }).ToList();
        var in2019 = lives.Sum(l => l.ShortTimeWork.Count(r => r.Start.Year == 2019));
        var spring2020 = lives.Sum(l => l.ShortTimeWork.Count(r => r.Start.Year == 2020 && r.Start.Month is >= 3 and <= 5));
        Assert.True(spring2020 > 5 * Math.Max(1, in2019), $"{in2019} requests in 2019, {spring2020} in spring 2020");
    }

    [Fact]
    public void Identifiers_are_unique_and_pass_the_luhn_check()
    {
        var sirens = new HashSet<string>();
        foreach (var life in Lives.Value)
        {
            Assert.True(sirens.Add(life.Company.Siren));
            Assert.True(Identifiers.LuhnValid(life.Company.Siren), life.Company.Siren);
            foreach (var e in life.Company.Establishments)
            {
                Assert.True(Identifiers.LuhnValid(e.Siret), e.Siret);
                Assert.StartsWith(life.Company.Siren, e.Siret);
                Assert.Equal(18, e.Account.Length);
            }
        }
    }

    [Fact]
    public void A_company_is_drawn_from_the_seed_and_its_index_alone()
    {
        var a = new PopulationDrawer(Options).Draw(4242);
        var b = new PopulationDrawer(Options with { Companies = 5 }).Draw(4242);
        Assert.Equal(a.Siren, b.Siren);
        Assert.Equal(a.Quality, b.Quality);
        Assert.NotEqual(a.Siren, new PopulationDrawer(Options with { Seed = 100 }).Draw(4242).Siren);
    }
}
