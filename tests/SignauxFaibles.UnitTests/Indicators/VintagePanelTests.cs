using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>Vintage rows: each month as known on the day it became scorable, the outcome from every fact.</summary>
public sealed class VintagePanelTests
{
    private static readonly PanelSettings Settings = new() { From = new YearMonth(2020, 1), To = new YearMonth(2021, 6), IncludeOutcome = true };

    private static PanelScenario Company()
    {
        var scenario = new PanelScenario { Settings = Settings };
        foreach (var month in YearMonth.Range(new YearMonth(2019, 1), new YearMonth(2021, 6)))
        {
            scenario.Declaration(month, month, 10_000);
            scenario.CompanyHeadcount(month, month < new YearMonth(2021, 1) ? 20 : 14);
        }
        scenario.Proceeding(new DateOnly(2021, 11, 3), ProceedingNature.Redressement, "ouverture");
        return scenario;
    }

    private static CompanyPanel Vintage(IReadOnlyList<Fact> facts) => new VintagePanelCalculator(Settings).Compute(PanelScenario.Company, facts);

    [Fact]
    public void A_month_s_row_lacks_the_headcounts_of_its_quarter_not_yet_delivered()
    {
        var scenario = Company();
        var full = scenario.Compute();
        var vintage = Vintage(scenario.Facts);

        // February 2021 is listed on 15 March: the first quarter's headcounts arrive on 10 April.
        Assert.Equal(14, PanelScenario.Value(full, "2021-02", "effectif_ent"));
        Assert.Equal(0, PanelScenario.Value(full, "2021-02", "effectif_ent_reporte"));
        Assert.Equal(20, PanelScenario.Value(vintage, "2021-02", "effectif_ent"));
        Assert.Equal(1, PanelScenario.Value(vintage, "2021-02", "effectif_ent_reporte"));
        // March, listed on 15 April, has its quarter.
        Assert.Equal(14, PanelScenario.Value(vintage, "2021-03", "effectif_ent"));
        Assert.Equal(0, PanelScenario.Value(vintage, "2021-03", "effectif_ent_reporte"));
        // The contributions of the month itself are there: the month is scorable.
        Assert.Equal(PanelScenario.Value(full, "2021-02", "cotisation"), PanelScenario.Value(vintage, "2021-02", "cotisation"));
    }

    [Fact]
    public void The_outcome_comes_from_every_fact_whatever_the_row_s_vintage()
    {
        var scenario = Company();
        var full = scenario.Compute();
        var vintage = Vintage(scenario.Facts);

        // The proceeding of November 2021 was known by nobody in 2020, yet it is the label of those months.
        Assert.Equal(1, PanelScenario.Value(full, "2020-06", PanelSchema.Outcome));
        Assert.Equal(full.CompanyRows.Select(r => (r.Month, r.Values[^1])), vintage.CompanyRows.Select(r => (r.Month, r.Values[^1])));
    }

    [Fact]
    public void A_late_delivery_leaves_the_month_as_the_service_saw_it()
    {
        var scenario = Company();
        scenario.DebtStep("1", new YearMonth(2021, 2), 1, new DateOnly(2021, 3, 2), 5_000, 15_000);
        var onTime = scenario.Facts.ToList();
        var late = onTime.Select(f => f.Kind == FactKind.ContributionDebtStep ? f with { KnownOn = new DateOnly(2021, 6, 1) } : f).ToList();

        Assert.Equal(15_000, PanelScenario.Value(Vintage(onTime), "2021-03", "montant_part_patronale"));
        Assert.Equal(0, PanelScenario.Value(Vintage(late), "2021-03", "montant_part_patronale") ?? 0);
        // Delivered on 1 June, it is in May's row (listed on 15 June) and in the as-of panel of March.
        Assert.Equal(15_000, PanelScenario.Value(Vintage(late), "2021-05", "montant_part_patronale"));
        Assert.Equal(15_000, PanelScenario.Value(scenario.Compute(), "2021-03", "montant_part_patronale"));
    }

    [Fact]
    public void Facts_known_in_the_month_after_give_the_as_of_rows()
    {
        var scenario = new PanelScenario { Settings = Settings };
        foreach (var month in YearMonth.Range(new YearMonth(2019, 1), new YearMonth(2021, 6))) scenario.Declaration(month, month, 10_000);
        var vintage = Vintage(scenario.Facts);
        var full = scenario.Compute();
        Assert.Equal(full.CompanyRows.Count, vintage.CompanyRows.Count);
        Assert.All(full.CompanyRows.Zip(vintage.CompanyRows), pair => Assert.True(pair.First.SameContentAs(pair.Second), pair.First.Month.ToString()));
    }
}
