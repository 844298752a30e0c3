using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.UnitTests.Modeling;

/// <summary>The monthly backtest on the constructed panel of <see cref="PanelTrainingTests"/> (400 companies, 3 years, 6-month horizon).</summary>
public sealed class MonthlyBacktestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sf-backtest-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Replays_each_month_with_a_model_that_knew_only_earlier_outcomes()
    {
        var panel = PanelCsvReader.Read(PanelTrainingTests.WritePanel(_directory));
        var options = new BacktestOptions
        {
            HorizonMonths = 6, Origins = 6, RefitEveryMonths = 3, BootstrapSamples = 50,
            Boosting = new NestedTrainingOptions { Candidates = [new LightGbmSettings { Trees = 40, LearningRate = 0.2, Leaves = 7, MinExamplesPerLeaf = 20 }], CombinedFeatures = 0, FinalSeeds = 1 },
        };
        var models = MonthlyBacktest.Run(panel, options);

        Assert.Equal(["LightGBM", "logistic regression"], models.Select(m => m.Name));
        var lightGbm = models[0];
        // The last labelled month is 2022-06 (36 months from 2020-01, 6-month horizon): six list months up to it.
        Assert.Equal(["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"], lightGbm.Months.Select(m => m.Month));
        // Refitted every three months, each time on outcomes known at the list month only.
        Assert.Equal(["2021-07", "2021-07", "2021-07", "2021-10", "2021-10", "2021-10"], lightGbm.Months.Select(m => m.ModelTrainedTo));
        Assert.All(lightGbm.Months, m => Assert.True(string.CompareOrdinal(m.ModelTrainedTo, m.Month) < 0));
        // Debt announces the proceedings of this panel: the lists find them.
        Assert.True(lightGbm.PrAuc.Value > 0.5, $"PR AUC {lightGbm.PrAuc.Value:F3}");
        Assert.True(lightGbm.ListRecall.Value >= lightGbm.RedRecall.Value);
        foreach (var interval in new[] { lightGbm.PrAuc, lightGbm.RedRecall, lightGbm.ListPrecision, lightGbm.ListRecall })
            Assert.InRange(interval.Value, interval.Low, interval.High);
        Assert.True(lightGbm.Lead.Caught > 0 && lightGbm.Lead.MedianMonths > 0, $"lead {lightGbm.Lead}");
        // The gap between the two models is paired: the same companies resampled for both.
        Assert.Null(lightGbm.PrAucGapToFirst);
        var gap = models[1].PrAucGapToFirst!;
        Assert.Equal(lightGbm.PrAuc.Value - models[1].PrAuc.Value, gap.Value, 9);
        Assert.InRange(gap.Value, gap.Low, gap.High);
        // Hysteresis never adds flapping.
        Assert.True(lightGbm.FlapRate <= lightGbm.FlapRateWithoutHysteresis, $"{lightGbm.FlapRate} > {lightGbm.FlapRateWithoutHysteresis}");
    }

    [Fact]
    public void Calibration_error_is_the_weighted_gap_between_predicted_and_observed_rates()
    {
        var probabilities = Enumerable.Range(0, 100).Select(i => i < 50 ? 0.1 : 0.9).ToArray();
        var calibrated = Enumerable.Range(0, 100).Select(i => i < 50 ? i % 10 == 0 : i % 10 != 0).ToArray();
        Assert.Equal(0, MonthlyBacktest.CalibrationError(probabilities, calibrated), 6);
        var overconfident = Enumerable.Range(0, 100).Select(i => i >= 50 && i % 2 == 0).ToArray();
        Assert.Equal(0.25, MonthlyBacktest.CalibrationError(probabilities, overconfident), 6);
    }
}
