using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.UnitTests.Modeling;

/// <summary>Hysteresis against the last published list: thresholds to enter, a band below them to stay.</summary>
public sealed class StableLevelsTests
{
    private const double Red = 0.40, Orange = 0.10, Band = 0.1;

    [Theory]
    // Not listed last month: the validated thresholds.
    [InlineData(0.41, AlertLevel.None, AlertLevel.Red)]
    [InlineData(0.39, AlertLevel.None, AlertLevel.Orange)]
    [InlineData(0.095, AlertLevel.None, AlertLevel.None)]
    // Red last month: stays red down to 0.36, then orange down to 0.09.
    [InlineData(0.37, AlertLevel.Red, AlertLevel.Red)]
    [InlineData(0.35, AlertLevel.Red, AlertLevel.Orange)]
    [InlineData(0.095, AlertLevel.Red, AlertLevel.Orange)]
    [InlineData(0.08, AlertLevel.Red, AlertLevel.None)]
    // Orange last month: stays orange down to 0.09, rises to red at the red threshold only.
    [InlineData(0.095, AlertLevel.Orange, AlertLevel.Orange)]
    [InlineData(0.089, AlertLevel.Orange, AlertLevel.None)]
    [InlineData(0.39, AlertLevel.Orange, AlertLevel.Orange)]
    [InlineData(0.40, AlertLevel.Orange, AlertLevel.Red)]
    public void A_listed_company_keeps_its_level_within_the_band(double probability, AlertLevel published, AlertLevel expected) =>
        Assert.Equal(expected, StableLevels.Of(probability, Red, Orange, published, Band));

    [Fact]
    public void Small_moves_around_a_threshold_do_not_flap()
    {
        var published = AlertLevel.None;
        var levels = new List<AlertLevel>();
        foreach (var p in new[] { 0.105, 0.097, 0.104, 0.096, 0.102, 0.098 })
        {
            published = StableLevels.Of(p, Red, Orange, published, Band);
            levels.Add(published);
        }
        Assert.All(levels, l => Assert.Equal(AlertLevel.Orange, l));
        Assert.Equal(AlertLevel.None, StableLevels.Of(0.097, Red, Orange, AlertLevel.None, 0)); // without a band the same moves flap
    }
}
