using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>URSSAF indicators of hand-built companies against values computed by hand.</summary>
public sealed class UrssafIndicatorTests
{
    private static YearMonth M(string month) => YearMonth.Parse(month);

    [Fact]
    public void A_quarterly_declaration_is_spread_evenly_over_its_three_months()
    {
        var s = new PanelScenario()
            .Declaration(M("2019-01"), M("2019-03"), 3000m)
            .Declaration(M("2019-04"), M("2019-04"), 1200m)
            .Declaration(M("2019-04"), M("2019-04"), 300m, PanelScenario.Branch);
        var panel = s.Compute();

        Assert.Equal(1000, PanelScenario.Value(panel, "2019-01", "cotisation"));
        Assert.Equal(1000, PanelScenario.Value(panel, "2019-03", "cotisation"));
        Assert.Equal(1500, PanelScenario.Value(panel, "2019-04", "cotisation"));
        Assert.Null(PanelScenario.Value(panel, "2019-05", "cotisation"));
        Assert.Equal(1200, PanelScenario.Value(panel, "2019-04", "cotisation", PanelScenario.HeadOffice));
        Assert.Equal(300, PanelScenario.Value(panel, "2019-04", "cotisation", PanelScenario.Branch));
    }

    [Fact]
    public void Debt_takes_each_line_latest_history_step_and_a_step_after_the_20th_counts_next_month()
    {
        var s = new PanelScenario()
            .DebtStep("L1", M("2019-01"), 1, new DateOnly(2019, 2, 10), 100m, 300m)
            .DebtStep("L1", M("2019-01"), 2, new DateOnly(2019, 3, 25), 50m, 150m)   // after the 20th: April
            .DebtStep("L2", M("2019-02"), 1, new DateOnly(2019, 4, 20), 10m, 20m)    // the 20th itself: April
            .DebtStep("L1", M("2019-01"), 3, new DateOnly(2019, 6, 5), 0m, 0m)       // line paid in June
            .DebtStep("L2", M("2019-02"), 0, new DateOnly(2019, 7, 1), 999m, 999m);  // older history delivered late: ignored
        var panel = s.Compute();

        Assert.Null(PanelScenario.Value(panel, "2019-01", "montant_part_patronale"));
        Assert.Equal(300, PanelScenario.Value(panel, "2019-02", "montant_part_patronale"));
        Assert.Equal(100, PanelScenario.Value(panel, "2019-03", "montant_part_ouvriere"));
        Assert.Equal(60, PanelScenario.Value(panel, "2019-04", "montant_part_ouvriere"));
        Assert.Equal(170, PanelScenario.Value(panel, "2019-04", "montant_part_patronale"));
        Assert.Equal(170, PanelScenario.Value(panel, "2019-05", "montant_part_patronale_past_1"));
        Assert.Equal(300, PanelScenario.Value(panel, "2019-05", "montant_part_patronale_past_3"));
        Assert.Equal(20, PanelScenario.Value(panel, "2019-06", "montant_part_patronale"));
        Assert.Equal(20, PanelScenario.Value(panel, "2019-07", "montant_part_patronale"));
        Assert.Equal(300, PanelScenario.Value(panel, "2020-02", "montant_part_patronale_past_12"));
    }

    [Fact]
    public void Tag_default_needs_three_consecutive_months_of_debt_over_a_month_of_contributions()
    {
        var s = new PanelScenario();
        foreach (var month in YearMonth.Range(M("2019-01"), M("2020-06"))) s.Declaration(month, month, 1000m);
        s.DebtStep("L1", M("2019-11"), 1, new DateOnly(2019, 12, 5), 500m, 1000m);
        var panel = s.Compute();

        Assert.Null(PanelScenario.Value(panel, "2019-11", "cotisation_moy12m"));
        Assert.Equal(1000, PanelScenario.Value(panel, "2019-12", "cotisation_moy12m"));
        Assert.Equal(1.5, PanelScenario.Value(panel, "2019-12", "ratio_dette"));
        Assert.Equal(1, PanelScenario.Value(panel, "2019-12", "tag_debit"));
        Assert.Equal(0, PanelScenario.Value(panel, "2019-12", "tag_default"));
        Assert.Equal(0, PanelScenario.Value(panel, "2020-01", "tag_default"));
        Assert.Equal(1, PanelScenario.Value(panel, "2020-02", "tag_default"));
        Assert.Null(PanelScenario.Value(panel, "2020-10", "ratio_dette_moy12m"));
        Assert.Equal(1.5, PanelScenario.Value(panel, "2020-06", "ratio_dette"));
        Assert.Null(PanelScenario.Value(panel, "2019-11", "tag_debit"));
    }

    [Fact]
    public void Debt_per_employee_change_over_three_months_is_divided_by_three()
    {
        var s = new PanelScenario()
            .CompanyHeadcount(M("2020-01"), 10).CompanyHeadcount(M("2020-04"), 20)
            .DebtStep("L1", M("2019-12"), 1, new DateOnly(2020, 1, 5), 0m, 1000m)
            .DebtStep("L1", M("2019-12"), 2, new DateOnly(2020, 4, 5), 0m, 4000m);
        var panel = s.Compute();

        Assert.Equal(100, PanelScenario.Value(panel, "2020-01", "dette_par_effectif"));
        Assert.Equal(200, PanelScenario.Value(panel, "2020-04", "dette_par_effectif"));
        Assert.Equal((200.0 - 100.0) / 3, PanelScenario.Value(panel, "2020-04", "dette_par_effectif_var3m"));
    }

    [Fact]
    public void A_running_payment_plan_reports_its_terms_and_the_gap_to_a_linear_repayment()
    {
        var s = new PanelScenario()
            .DebtStep("L1", M("2019-12"), 1, new DateOnly(2020, 1, 5), 1000m, 5000m)
            .Plan(new DateOnly(2020, 1, 10), new DateOnly(2020, 7, 9), 6000m);
        var panel = s.Compute();

        Assert.Null(PanelScenario.Value(panel, "2019-12", "delai_en_cours"));
        Assert.Equal(1, PanelScenario.Value(panel, "2020-01", "delai_en_cours"));
        Assert.Equal(181, PanelScenario.Value(panel, "2020-01", "delai_nb_jours_total"));
        Assert.Equal(160, PanelScenario.Value(panel, "2020-01", "delai_nb_jours_restants"));
        Assert.Equal(6000, PanelScenario.Value(panel, "2020-01", "delai_montant_echeancier"));
        Assert.Equal((6000 - 6000.0 * 160 / 181) / 6000, PanelScenario.Value(panel, "2020-01", "delai_deviation_remboursement")!.Value, 12);
        Assert.Equal(0, PanelScenario.Value(panel, "2020-07", "delai_en_cours"));
    }
}
