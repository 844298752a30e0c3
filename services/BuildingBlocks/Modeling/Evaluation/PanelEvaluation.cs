using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Metrics;
using SignauxFaibles.Modeling.Splits;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Evaluation;

/// <summary>How the panel is split and what is trained on it.</summary>
public sealed record PanelTrainingOptions
{
    public int HorizonMonths { get; init; } = 18;
    /// <summary>The last labelled months form the test period.</summary>
    public int TestMonths { get; init; } = 12;
    public double TestCompanyShare { get; init; } = 0.3;
    public int Seed { get; init; } = 1;
    public NestedTrainingOptions Boosting { get; init; } = NestedTrainingOptions.Panel;
    public NestedTrainingOptions Logistic { get; init; } = NestedTrainingOptions.Logistic;
}

/// <summary>One model's test figures, with and without the companies already in a proceeding.</summary>
public sealed record ModelEvaluation(
    string Name, TrainedModel Model, double RocAuc, double PrAuc, double RocAucWithProceedings, double PrAucWithProceedings,
    ThresholdOutcome Red, ThresholdOutcome Orange, double Brier, IReadOnlyList<CalibrationBin> Calibration,
    double[] TestProbabilities, IReadOnlyList<SegmentFigures> BySize, IReadOnlyList<SegmentFigures> BySector, LeadTime Lead);

/// <summary>The panel split and both models' results.</summary>
public sealed record PanelEvaluationResult(
    string TrainFrom, string TrainTo, string TestFrom, string TestTo,
    int TrainRows, int TrainPositives, int TestRows, int TestPositives, int TestRowsInProceeding, int TrainCompanies, int TestCompanies,
    IReadOnlyList<string> FeatureNames, IReadOnlyList<bool> TestLabels, IReadOnlyList<ModelEvaluation> Models);

/// <summary>
/// Trains LightGBM and the logistic baseline on the company panel and evaluates them honestly:
/// test = the last labelled months on companies never seen in training; training = older months
/// whose outcome was already known when the test period starts (a gap of one horizon), on the
/// other companies. Rows of companies already in a proceeding are out of training and of the
/// main figures (officers already know them) and are reported separately.
/// </summary>
public static class PanelEvaluation
{
    public static PanelEvaluationResult Run(PanelData panel, PanelTrainingOptions options, Action<string>? log = null)
    {
        var table = panel.Table;
        var times = table.Times ?? throw new ArgumentException("The panel has no months.");
        var groups = table.Groups ?? throw new ArgumentException("The panel has no SIRENs.");
        // A month's outcome is complete only once its whole horizon has passed. Later months may
        // already carry a 1 (the proceeding opened early) but never a final 0: keeping them would
        // fill the test period with positives only.
        var lastComplete = panel.LastTime - options.HorizonMonths;
        var firstTest = lastComplete - options.TestMonths + 1;
        var split = PanelSplit.ByTimeAndCompany(groups, times, firstTest, options.TestCompanyShare, options.Seed);
        var train = split.Train.Where(i => times[i] <= firstTest - options.HorizonMonths && !panel.InProceeding[i]).ToArray();
        var testAll = split.Test.Where(i => times[i] <= lastComplete).ToArray();
        var test = testAll.Where(i => !panel.InProceeding[i]).ToArray();
        var (trainTable, testTable, testAllTable) = (table.Subset(train), table.Subset(test), table.Subset(testAll));
        if (trainTable.Positives == 0 || testTable.Positives == 0 || trainTable.Positives == trainTable.Count || testTable.Positives == testTable.Count)
            throw new ArgumentException($"The split leaves {trainTable.Positives} positive training rows of {trainTable.Count} and {testTable.Positives} positive test rows of {testTable.Count}: both sides need both outcomes (a longer panel or a shorter --test-months helps).");

        var models = new List<ModelEvaluation>();
        foreach (var (name, procedure) in new[] { ("LightGBM", options.Boosting), ("logistic regression", options.Logistic) })
        {
            log?.Invoke($"training {name} on {trainTable.Count:N0} rows");
            var model = new NestedTraining(procedure, options.Seed).Fit(trainTable, log);
            var probabilities = model.Probabilities(testTable.Rows);
            var withProceedings = model.Probabilities(testAllTable.Rows);
            models.Add(new ModelEvaluation(name, model,
                Ranking.RocAuc(probabilities, testTable.Labels), Ranking.AveragePrecision(probabilities, testTable.Labels),
                Ranking.RocAuc(withProceedings, testAllTable.Labels), Ranking.AveragePrecision(withProceedings, testAllTable.Labels),
                Thresholds.At(probabilities, testTable.Labels, model.Red.Threshold), Thresholds.At(probabilities, testTable.Labels, model.Orange.Threshold),
                CalibrationBins.Brier(probabilities, testTable.Labels), CalibrationBins.Quantiles(probabilities, testTable.Labels), probabilities,
                Segments.BySize(testTable, probabilities, model.Red.Threshold, model.Orange.Threshold),
                Segments.BySector(testTable, probabilities, model.Red.Threshold, model.Orange.Threshold),
                Segments.Lead(testAll.Select(i => groups[i]).ToArray(), testAll.Select(i => times[i]).ToArray(),
                    testAll.Select(i => panel.InProceeding[i]).ToArray(), withProceedings, model.Red.Threshold)));
        }
        string Period(int t) => $"{t / 12:D4}-{t % 12 + 1:D2}";
        return new PanelEvaluationResult(
            Period(train.Min(i => times[i])), Period(train.Max(i => times[i])), Period(firstTest), Period(lastComplete),
            trainTable.Count, trainTable.Positives, testTable.Count, testTable.Positives, testAll.Length - test.Length,
            train.Select(i => groups[i]).Distinct().Count(), test.Select(i => groups[i]).Distinct().Count(),
            table.FeatureNames, testTable.Labels, models);
    }
}
