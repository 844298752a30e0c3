using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>Knowledge time beside value time: when a fact became known changes the panel "as known at D", never the values as of a month.</summary>
public sealed class KnowledgeTimeTests
{
    private static PanelScenario Indebted()
    {
        var scenario = new PanelScenario { Settings = new PanelSettings { From = new YearMonth(2020, 1), To = new YearMonth(2021, 6) } };
        scenario.Declaration(new YearMonth(2019, 1), new YearMonth(2021, 6), 10_000);
        // A February 2021 debt line, processed by URSSAF on 2021-03-20.
        scenario.DebtStep("1", new YearMonth(2021, 2), 1, new DateOnly(2021, 3, 20), 5_000, 15_000);
        return scenario;
    }

    private static CompanyPanel AsKnown(IEnumerable<Fact> facts, DateOnly day) =>
        new PanelCalculator(new PanelSettings { From = new YearMonth(2020, 1), To = new YearMonth(2021, 6) })
            .Compute(CompanyFacts.Build(PanelScenario.Company, KnowledgeDates.KnownBy(facts, day)));

    [Fact]
    public void A_late_delivery_changes_the_as_known_panel_and_not_the_as_of_values()
    {
        var scenario = Indebted();
        var onTime = scenario.Facts.ToList();
        // The same débit step, delivered three months late.
        var late = onTime.Select(f => f.Kind == FactKind.ContributionDebtStep ? f with { KnownOn = new DateOnly(2021, 6, 25) } : f).ToList();

        // As of a month, the values do not depend on when facts became known.
        var asOfOnTime = new PanelCalculator(scenario.Settings).Compute(CompanyFacts.Build(PanelScenario.Company, onTime));
        var asOfLate = new PanelCalculator(scenario.Settings).Compute(CompanyFacts.Build(PanelScenario.Company, late));
        Assert.Equal(20_000, PanelScenario.Value(asOfOnTime, "2021-03", "montant_part_patronale")! + PanelScenario.Value(asOfOnTime, "2021-03", "montant_part_ouvriere")!);
        Assert.Equal(asOfOnTime.CompanyRows.Select(r => r.Values), asOfLate.CompanyRows.Select(r => r.Values));

        // As known at the end of April, the on-time step is there and the late one is not.
        var april = new DateOnly(2021, 4, 30);
        Assert.Equal(15_000, PanelScenario.Value(AsKnown(onTime, april), "2021-03", "montant_part_patronale"));
        Assert.Equal(0, PanelScenario.Value(AsKnown(late, april), "2021-03", "montant_part_patronale") ?? 0);
        // Once delivered, the as-known panel catches up with the as-of one.
        Assert.Equal(15_000, PanelScenario.Value(AsKnown(late, new DateOnly(2021, 6, 30)), "2021-03", "montant_part_patronale"));
    }

    [Theory]
    [InlineData("2021-04-14", "2021-02")] // March's contributions are due on the 15th of April
    [InlineData("2021-04-15", "2021-03")]
    public void Contributions_become_known_in_the_month_after_and_move_the_scorable_month(string day, string scorable)
    {
        var monthly = new PanelScenario();
        foreach (var month in YearMonth.Range(new YearMonth(2020, 1), new YearMonth(2021, 6))) monthly.Declaration(month, month, 10_000);
        var facts = KnowledgeDates.KnownBy(monthly.Facts, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var bound = ScorableMonth.LastComplete(new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Assert.Equal(YearMonth.Parse(scorable), ScorableMonth.Resolve(new YearMonth(2020, 1), bound, ScorableMonth.ContributionsThrough(facts)));
    }

    [Fact]
    public void A_recorded_delivery_day_wins_over_the_documented_delay()
    {
        var step = Indebted().Facts.Single(f => f.Kind == FactKind.ContributionDebtStep);
        Assert.Equal(new DateOnly(2021, 3, 20), KnowledgeDates.Of(step));
        Assert.Equal(new DateOnly(2021, 7, 1), KnowledgeDates.Of(step with { KnownOn = new DateOnly(2021, 7, 1) }));
    }
}
