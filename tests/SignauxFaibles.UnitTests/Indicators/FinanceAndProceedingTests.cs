using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>Financial lags, paydex, proceeding status and the training label against values computed by hand.</summary>
public sealed class FinanceAndProceedingTests
{
    [Fact]
    public void Ratios_count_six_months_after_closing_with_the_two_previous_years_beside_them()
    {
        var s = new PanelScenario()
            .BanqueDeFrance(new DateOnly(2017, 12, 31), 10m)
            .BanqueDeFrance(new DateOnly(2018, 12, 31), 20m)
            .BanqueDeFrance(new DateOnly(2019, 12, 31), 30m);
        var panel = s.Compute();

        Assert.Equal(10, PanelScenario.Value(panel, "2019-05", "taux_marge"));
        Assert.Null(PanelScenario.Value(panel, "2019-05", "taux_marge_past_1"));
        Assert.Equal(20, PanelScenario.Value(panel, "2019-06", "taux_marge"));
        Assert.Equal(10, PanelScenario.Value(panel, "2019-06", "taux_marge_past_1"));
        Assert.Equal(30, PanelScenario.Value(panel, "2020-06", "taux_marge"));
        Assert.Equal(20, PanelScenario.Value(panel, "2020-06", "taux_marge_past_1"));
        Assert.Equal(10, PanelScenario.Value(panel, "2020-06", "taux_marge_past_2"));
    }

    [Fact]
    public void Paydex_keeps_the_latest_measure_for_twelve_months_with_its_bin_and_late_payment_shares()
    {
        var s = new PanelScenario()
            .Paydex(new DateOnly(2020, 1, 31), 20m, 35m, 10m)
            .Paydex(new DateOnly(2021, 1, 15), 50m, 60m, 20m);
        var panel = s.Compute();

        Assert.Null(PanelScenario.Value(panel, "2019-12", "paydex_nb_jours"));
        Assert.Equal(20, PanelScenario.Value(panel, "2020-01", "paydex_nb_jours"));
        Assert.Equal(2, PanelScenario.Value(panel, "2020-01", "paydex_classe"));
        Assert.Equal(0.35, PanelScenario.Value(panel, "2020-01", "fpi_30"));
        Assert.Equal(0.10, PanelScenario.Value(panel, "2020-12", "fpi_90"));
        Assert.Equal(50, PanelScenario.Value(panel, "2021-01", "paydex_nb_jours"));
        Assert.Equal(30, PanelScenario.Value(panel, "2021-01", "paydex_nb_jours_diff_12m"));
        Assert.Equal(3, PanelScenario.Value(panel, "2021-01", "paydex_classe"));
    }

    [Fact]
    public void Proceeding_status_follows_openings_conversions_and_closing()
    {
        var s = new PanelScenario()
            .Proceeding(new DateOnly(2020, 3, 15), ProceedingNature.Redressement, "ouverture")
            .Proceeding(new DateOnly(2020, 6, 1), ProceedingNature.Liquidation, "ouverture")
            .Proceeding(new DateOnly(2020, 9, 10), ProceedingNature.Liquidation, "fin");
        var panel = s.Compute();

        Assert.Equal(0, PanelScenario.Value(panel, "2020-02", "etat_proc_collective"));
        Assert.Equal(2, PanelScenario.Value(panel, "2020-03", "etat_proc_collective"));
        Assert.Equal(1, PanelScenario.Value(panel, "2020-03", "en_procedure"));
        Assert.Equal(3, PanelScenario.Value(panel, "2020-06", "etat_proc_collective"));
        Assert.Equal(3, PanelScenario.Value(panel, "2020-08", "etat_proc_collective"));
        Assert.Equal(0, PanelScenario.Value(panel, "2020-09", "etat_proc_collective"));
        Assert.Equal(0, PanelScenario.Value(panel, "2020-09", "en_procedure"));
    }

    [Fact]
    public void The_training_label_marks_the_18_months_before_an_opening_and_stays_missing_past_the_known_horizon()
    {
        var s = new PanelScenario { Settings = new() { From = new YearMonth(2018, 1), To = new YearMonth(2021, 12), IncludeOutcome = true } }
            .Proceeding(new DateOnly(2020, 3, 15), ProceedingNature.Redressement, "ouverture")
            .Proceeding(new DateOnly(2020, 6, 1), ProceedingNature.Liquidation, "ouverture");
        var panel = s.Compute();

        Assert.Equal(0, PanelScenario.Value(panel, "2018-08", "outcome"));
        Assert.Equal(1, PanelScenario.Value(panel, "2018-09", "outcome"));
        Assert.Equal(1, PanelScenario.Value(panel, "2020-05", "outcome"));
        Assert.Equal(0, PanelScenario.Value(panel, "2020-06", "outcome"));
        Assert.Null(PanelScenario.Value(panel, "2020-07", "outcome"));
    }
}
