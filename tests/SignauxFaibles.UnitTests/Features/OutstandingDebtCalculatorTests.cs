using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.ContributionDebt;

namespace SignauxFaibles.UnitTests.Features;

public class OutstandingDebtCalculatorTests
{
    private static DebtStep Step(string line, int history, DateOnly processed, decimal employee, decimal employer, string account = "A1") => new()
    {
        RecordKey = $"{account}:{line}:{history}",
        Siren = Siren.Parse("732829320"),
        AccountNumber = account,
        PeriodFirst = new YearMonth(2020, 1),
        DebtLineNumber = line,
        HistoryNumber = history,
        ProcessedOn = processed,
        EffectiveMonth = OutstandingDebtCalculator.EffectiveMonth(processed),
        EmployeeShare = employee,
        EmployerShare = employer,
    };

    [Theory]
    [InlineData(2020, 3, 20, "2020-03")]
    [InlineData(2020, 3, 21, "2020-04")]
    [InlineData(2020, 12, 24, "2021-01")]
    public void A_step_processed_after_the_20th_counts_for_the_next_month(int y, int m, int d, string month) =>
        Assert.Equal(YearMonth.Parse(month), OutstandingDebtCalculator.EffectiveMonth(new DateOnly(y, m, d)));

    [Fact]
    public void Each_line_weighs_its_latest_step_and_lines_add_up()
    {
        var steps = new[]
        {
            Step("1", 1, new DateOnly(2020, 2, 5), 100, 400),
            Step("1", 2, new DateOnly(2020, 4, 25), 50, 200), // counts from May
            Step("2", 1, new DateOnly(2020, 3, 1), 10, 20),
        };

        var series = OutstandingDebtCalculator.Compute(steps).ToDictionary(d => d.Month.ToString());

        Assert.Equal(["2020-02", "2020-03", "2020-04", "2020-05"], series.Keys);
        Assert.Equal((100m, 400m), (series["2020-02"].EmployeeShare, series["2020-02"].EmployerShare));
        Assert.Equal((110m, 420m), (series["2020-04"].EmployeeShare, series["2020-04"].EmployerShare));
        Assert.Equal((60m, 220m), (series["2020-05"].EmployeeShare, series["2020-05"].EmployerShare));
    }

    [Fact]
    public void Order_of_arrival_does_not_matter()
    {
        var steps = new[]
        {
            Step("1", 3, new DateOnly(2020, 6, 1), 0, 0),
            Step("1", 1, new DateOnly(2020, 2, 5), 100, 400),
            Step("1", 2, new DateOnly(2020, 4, 2), 50, 200),
        };
        var forward = OutstandingDebtCalculator.Compute(steps);
        var backward = OutstandingDebtCalculator.Compute(steps.Reverse());
        Assert.Equal(forward, backward);
        Assert.Equal(0m, forward[^1].EmployerShare);
    }

    [Fact]
    public void Same_line_number_in_another_account_is_another_line()
    {
        var steps = new[] { Step("1", 1, new DateOnly(2020, 2, 5), 1, 2, "A1"), Step("1", 1, new DateOnly(2020, 2, 5), 3, 4, "A2") };
        var debt = Assert.Single(OutstandingDebtCalculator.Compute(steps));
        Assert.Equal((4m, 6m), (debt.EmployeeShare, debt.EmployerShare));
    }
}
