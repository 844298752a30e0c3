using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>The panel ends at the latest month whose contributions are in, never in the running month.</summary>
public sealed class ScorableMonthTests
{
    private static readonly YearMonth From = new(2016, 1);

    [Fact]
    public void The_running_month_is_never_scorable()
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(new YearMonth(2026, 11), ScorableMonth.LastComplete(now));
        Assert.Equal(new YearMonth(2026, 11), ScorableMonth.LastComplete(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new YearMonth(2025, 12), ScorableMonth.LastComplete(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-11", "2026-10", "2026-10")] // November's contributions not in yet: October
    [InlineData("2026-11", "2026-11", "2026-11")]
    [InlineData("2026-11", "2027-03", "2026-11")] // a quarter declared ahead never passes the bound
    [InlineData("2026-11", null, "2026-11")]       // no contribution ever delivered: the bound alone
    [InlineData("2026-11", "2014-05", "2016-01")]  // never before the first month
    public void The_last_month_is_the_bound_brought_back_to_the_contributions(string bound, string? through, string expected)
    {
        YearMonth? contributions = through is null ? null : YearMonth.Parse(through);
        Assert.Equal(YearMonth.Parse(expected), ScorableMonth.Resolve(From, YearMonth.Parse(bound), contributions));
    }

    [Fact]
    public void Contributions_through_is_the_last_month_any_declared_period_covers()
    {
        var facts = new[]
        {
            Declaration("2026-08", "2026-08"),
            new Fact(FactKind.ContributionDebtStep, PanelScenario.Company, new ContributionDebtStep("d", "ACC1", PanelScenario.Company, PanelScenario.HeadOffice,
                new MonthRange(new YearMonth(2027, 1), new YearMonth(2027, 1)), "1", 1, new DateOnly(2027, 1, 20), 10, 10, 0, "", "", "", false)),
            Declaration("2026-07", "2026-09"),
            Declaration("2026-05", "2026-05"),
        };
        Assert.Equal(new YearMonth(2026, 9), ScorableMonth.ContributionsThrough(facts));
        Assert.Null(ScorableMonth.ContributionsThrough(facts.Where(f => f.Kind != FactKind.ContributionDeclaration)));
    }

    private static Fact Declaration(string first, string last) => new(FactKind.ContributionDeclaration, PanelScenario.Company,
        new ContributionDeclaration($"c{first}{last}", PanelScenario.HeadOffice, "ACC1", new MonthRange(YearMonth.Parse(first), YearMonth.Parse(last)), 1000, null));
}
