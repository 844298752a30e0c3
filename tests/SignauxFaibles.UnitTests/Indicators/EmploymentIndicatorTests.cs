using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>Headcount and short-time work indicators against values computed by hand.</summary>
public sealed class EmploymentIndicatorTests
{
    private static YearMonth M(string month) => YearMonth.Parse(month);

    [Fact]
    public void A_missing_month_carries_the_last_headcount_forward_and_lags_read_the_carried_value()
    {
        var s = new PanelScenario();
        foreach (var month in YearMonth.Range(M("2019-01"), M("2019-12")))
        {
            if (month.Month != 6) s.CompanyHeadcount(month, month.Month + 9);   // 10 in January … 21 in December
        }
        s.CompanyHeadcount(M("2020-01"), 30);
        var panel = s.Compute();

        Assert.Equal(14, PanelScenario.Value(panel, "2019-06", "effectif_ent"));
        Assert.Equal(1, PanelScenario.Value(panel, "2019-06", "effectif_ent_reporte"));
        Assert.Equal(0, PanelScenario.Value(panel, "2019-07", "effectif_ent_reporte"));
        Assert.Equal(14, PanelScenario.Value(panel, "2019-12", "effectif_ent_past_6"));
        Assert.Equal(14, PanelScenario.Value(panel, "2019-11", "effectif_ent_past_6"));
        Assert.Equal(30.0 / 10 - 1, PanelScenario.Value(panel, "2020-01", "effectif_ent_var12m"));
        Assert.Equal(10, PanelScenario.Value(panel, "2021-01", "effectif_ent_past_24"));
        Assert.Equal(30, PanelScenario.Value(panel, "2021-01", "effectif_ent"));   // carried 12 months at most
        Assert.Null(PanelScenario.Value(panel, "2021-02", "effectif_ent"));
    }

    [Fact]
    public void Company_headcount_sums_its_establishments_where_no_company_figure_is_delivered()
    {
        var s = new PanelScenario()
            .EstablishmentHeadcount(PanelScenario.HeadOffice, M("2020-01"), 8)
            .EstablishmentHeadcount(PanelScenario.Branch, M("2020-01"), 5);
        var panel = s.Compute();

        Assert.Equal(13, PanelScenario.Value(panel, "2020-01", "effectif"));
        Assert.Null(PanelScenario.Value(panel, "2020-01", "effectif_ent"));
        Assert.Equal(5, PanelScenario.Value(panel, "2020-01", "effectif", PanelScenario.Branch));
    }

    [Fact]
    public void Short_time_work_spanning_two_months_is_split_by_days_and_counts_once_authorised()
    {
        var s = new PanelScenario()
            .ShortTimeWorkAuthorised(new DateOnly(2020, 3, 16), new DateOnly(2020, 4, 15), 310m, new DateOnly(2020, 3, 10))
            // Authorised in May for April: not known at the end of April, so April does not count it.
            .ShortTimeWorkAuthorised(new DateOnly(2020, 4, 1), new DateOnly(2020, 4, 30), 300m, new DateOnly(2020, 5, 5))
            .ShortTimeWorkUsed(M("2020-03"), 100m).ShortTimeWorkUsed(M("2020-04"), 50m)
            .CompanyHeadcount(M("2020-03"), 10).CompanyHeadcount(M("2020-04"), 10);
        var panel = s.Compute();

        Assert.Equal(160, PanelScenario.Value(panel, "2020-03", "apart_heures_autorisees"));
        Assert.Equal(150, PanelScenario.Value(panel, "2020-04", "apart_heures_autorisees"));
        Assert.Equal(1, PanelScenario.Value(panel, "2020-03", "apart_motif_recours"));
        Assert.Equal(150, PanelScenario.Value(panel, "2020-04", "apart_heures_consommees_cumulees"));
        Assert.Equal(150, PanelScenario.Value(panel, "2021-02", "apart_heures_consommees_cumulees"));
        Assert.Equal(50, PanelScenario.Value(panel, "2021-03", "apart_heures_consommees_cumulees"));
        Assert.Equal(100 / (10 * 151.67), PanelScenario.Value(panel, "2020-03", "ratio_apart")!.Value, 12);
        Assert.Equal(0, PanelScenario.Value(panel, "2020-05", "apart_heures_autorisees"));
        Assert.Equal(1, PanelScenario.Value(panel, "2020-05", "dyn_fin_activite_partielle"));
        Assert.Equal(0, PanelScenario.Value(panel, "2020-04", "dyn_fin_activite_partielle"));
    }
}
