using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Scoring.Monitoring;

namespace SignauxFaibles.UnitTests.Scoring;

public sealed class MonthScoresTests
{
    private static readonly YearMonth March = YearMonth.Parse("2026-03");
    private static readonly YearMonth April = YearMonth.Parse("2026-04");

    [Fact]
    public void Months_sum_their_cells_by_region_and_level_and_spread_them_over_the_training_bands()
    {
        var scores = new DistributionProfile([0.1, 0.5], [0.5, 0.3, 0.2], 0);
        ScoreCell[] cells =
        [
            new(April, "27", RiskLevel.None, 0, 50), new(April, "27", RiskLevel.Moderate, 1, 30), new(April, "27", RiskLevel.High, 2, 15),
            new(April, "11", RiskLevel.High, 2, 5), new(March, "27", RiskLevel.None, 0, 90), new(March, "27", RiskLevel.High, 2, 10),
        ];

        var months = MonthScores.Of(cells, scores);

        Assert.Equal([March, April], months.Select(m => m.Month).ToArray());
        Assert.Equal((45L, 5L), (months[1].Alerted("27"), months[1].Alerted("11")));
        Assert.Equal([0.5, 0.3, 0.2], months[1].Bands!.Shares);
        Assert.Equal(0, months[1].StabilityIndex);
        Assert.True(months[0].StabilityIndex > 0.1, "March: 90 % in the lowest band against 50 %");
        Assert.Equal([new RegionAlerts("11", 5, 0), new RegionAlerts("27", 45, 10)], RegionAlerts.Of(months));
    }

    [Fact]
    public void Without_a_score_profile_months_are_counted_but_not_banded()
    {
        var months = MonthScores.Of([new ScoreCell(April, "27", RiskLevel.High, 0, 4)], null);

        Assert.Equal(4, months[0].Alerted("27"));
        Assert.Null(months[0].Bands);
        Assert.Null(months[0].StabilityIndex);
    }

    [Fact]
    public void A_region_is_compared_with_the_month_before_not_with_an_older_one()
    {
        var months = MonthScores.Of([new ScoreCell(YearMonth.Parse("2026-01"), "27", RiskLevel.High, 0, 9), new ScoreCell(April, "27", RiskLevel.High, 0, 4)], null);

        Assert.Equal([new RegionAlerts("27", 4, 0)], RegionAlerts.Of(months));
    }
}
