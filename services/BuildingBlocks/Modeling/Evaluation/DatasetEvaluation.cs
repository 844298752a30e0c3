using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Metrics;
using SignauxFaibles.Modeling.Splits;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Evaluation;

/// <summary>
/// Hold-out figures: the thresholds and calibration were chosen inside the training side, so
/// precision and recall at each level are what an officer would have seen on new companies.
/// </summary>
public sealed record HoldOutResult(
    int TestRows, int TestPositives, double RocAuc, double PrAuc,
    ThresholdOutcome Red, ThresholdOutcome Orange, double Brier, IReadOnlyList<CalibrationBin> Calibration,
    string Chosen, double LogisticRocAuc, double LogisticPrAuc);

/// <summary>
/// Evaluation of a dataset with one row per company and no dates (the Polish bankruptcy file):
/// stratified k-fold cross-validation and a stratified hold-out split, both running the whole
/// nested training procedure on the training side only.
/// </summary>
public static class DatasetEvaluation
{
    public static CrossValidationResult CrossValidate(FeatureTable table, int folds, int seed, NestedTrainingOptions options,
        int parallelFolds, Action<FoldResult>? progress = null) =>
        CrossValidation.Run(table, Stratified.KFold(table.Labels, folds, seed), (train, fold) =>
        {
            var model = new NestedTraining(options, seed + 1000 * (fold + 1)).Fit(train);
            return (model.Margins, $"inner AUC {model.InnerRocAuc:F4}, chose {model.Chosen}");
        }, parallelFolds, progress);

    public static HoldOutResult HoldOut(FeatureTable table, double testShare, int seed, NestedTrainingOptions options, Action<string>? log = null)
    {
        var split = Stratified.HoldOut(table.Labels, testShare, seed);
        var (train, test) = (table.Subset(split.Train), table.Subset(split.Test));
        var model = new NestedTraining(options, seed).Fit(train, log);
        var probabilities = model.Probabilities(test.Rows);
        var logistic = new LogisticTrainer().Fit(train).Margins(test.Rows);
        return new HoldOutResult(
            test.Count, test.Positives,
            Ranking.RocAuc(probabilities, test.Labels), Ranking.AveragePrecision(probabilities, test.Labels),
            Thresholds.At(probabilities, test.Labels, model.Red.Threshold), Thresholds.At(probabilities, test.Labels, model.Orange.Threshold),
            CalibrationBins.Brier(probabilities, test.Labels), CalibrationBins.Quantiles(probabilities, test.Labels),
            model.Chosen, Ranking.RocAuc(logistic, test.Labels), Ranking.AveragePrecision(logistic, test.Labels));
    }
}
