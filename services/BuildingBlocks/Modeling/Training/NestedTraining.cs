using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Metrics;
using SignauxFaibles.Modeling.Splits;

namespace SignauxFaibles.Modeling.Training;

/// <summary>What the nested training procedure may try, and how hard.</summary>
public sealed record NestedTrainingOptions
{
    /// <summary>Hyper-parameter sets compared on the inner validation folds; the best one is refitted.</summary>
    public required IReadOnlyList<LightGbmSettings> Candidates { get; init; }
    /// <summary>A different model family to fit instead of LightGBM (the logistic baseline); then <see cref="Candidates"/> is ignored.</summary>
    public IBinaryTrainer? Baseline { get; init; }
    public int InnerFolds { get; init; } = 3;
    /// <summary>How many of the most important original features are combined pairwise (0 = none).</summary>
    public int CombinedFeatures { get; init; } = 15;
    public IReadOnlyList<Derivation> Combinations { get; init; } = [Derivation.Ratio, Derivation.Product, Derivation.Difference];
    public bool MissingCount { get; init; } = true;
    /// <summary>Boosted models averaged in the final fit (each with its own seed for row and feature sampling).</summary>
    public int FinalSeeds { get; init; } = 10;

    /// <summary>
    /// For a few thousand rows with a few hundred positives (the Polish file): shallow to medium
    /// trees with subsampled rows and features, from a fast schedule to a slower, more regularised one.
    /// </summary>
    /// <summary>The logistic baseline run through the same procedure (inner folds for calibration and thresholds).</summary>
    public static NestedTrainingOptions Logistic { get; } = new() { Candidates = [], Baseline = new LogisticTrainer(), CombinedFeatures = 0, MissingCount = false, FinalSeeds = 1 };

    /// <summary>
    /// For the company panel (tens of thousands of company-months, a few percent positive, about
    /// 150 indicators already built by the feature service): no pairwise combinations, inner
    /// folds of whole companies, a fast and a slower schedule.
    /// </summary>
    public static NestedTrainingOptions Panel { get; } = new()
    {
        Candidates =
        [
            new LightGbmSettings { Trees = 200, LearningRate = 0.08, Leaves = 31, MinExamplesPerLeaf = 50, FeatureFraction = 0.6, RowFraction = 0.8, L2 = 1 },
            new LightGbmSettings { Trees = 400, LearningRate = 0.04, Leaves = 15, MinExamplesPerLeaf = 100, FeatureFraction = 0.4, RowFraction = 0.8, L2 = 5 },
        ],
        CombinedFeatures = 0,
        FinalSeeds = 3,
    };

    public static NestedTrainingOptions SmallTabular { get; } = new()
    {
        Candidates =
        [
            new LightGbmSettings { Trees = 100, LearningRate = 0.1, Leaves = 31, MinExamplesPerLeaf = 20, FeatureFraction = 0.5, RowFraction = 0.8, L2 = 0 },
            new LightGbmSettings { Trees = 300, LearningRate = 0.05, Leaves = 15, MinExamplesPerLeaf = 10, FeatureFraction = 0.3, RowFraction = 0.8, L2 = 1 },
        ],
    };
}

/// <summary>A fitted procedure: derived features, averaged boosted models, calibration and alert thresholds.</summary>
public sealed record TrainedModel(
    DerivedFeatures Derived,
    IMarginModel Model,
    string Chosen,
    double InnerRocAuc,
    ProbabilityCalibrator Calibrator,
    ThresholdOutcome Red,
    ThresholdOutcome Orange)
{
    public double[] Margins(IReadOnlyList<float[]> rows) => Model.Margins(Derived.Apply(rows));
    public double[] Probabilities(IReadOnlyList<float[]> rows) => Margins(rows).Select(Calibrator.Probability).ToArray();
}

/// <summary>
/// The training procedure, nested so that nothing is chosen on test rows: it receives only
/// training rows and, inside them, (1) ranks the original features by split gain to pick the
/// ones to combine, (2) compares the candidate hyper-parameters on inner folds (stratified, or
/// grouped by company for a panel),
/// (3) refits the best candidate on all training rows with several seeds and averages them,
/// (4) fits the probability calibration and the red/orange thresholds on the inner folds'
/// out-of-fold predictions — a validation set the final model's trees never fitted.
/// </summary>
public sealed class NestedTraining(NestedTrainingOptions options, int seed)
{
    /// <param name="calibrateFrom">
    /// When set (a month index), the calibration and the thresholds are fitted on the out-of-fold
    /// predictions of the rows of that month and later only: the most recent labelled months are
    /// the ones most like the months the model will score.
    /// </param>
    public TrainedModel Fit(FeatureTable train, Action<string>? log = null, int? calibrateFrom = null)
    {
        var derived = ChooseDerivedFeatures(train);
        var enriched = train.WithFeatures(derived.Names, derived.Apply(train.Rows));
        var inner = enriched.Groups is { } groups
            ? PanelSplit.GroupedKFold(groups, options.InnerFolds, seed)
            : Stratified.KFold(enriched.Labels, options.InnerFolds, seed);

        IReadOnlyList<IBinaryTrainer> candidates = options.Baseline is { } baseline
            ? [baseline]
            : options.Candidates.Select(c => new LightGbmTrainer(c with { Seeds = 1 }, seed)).ToArray();
        (IBinaryTrainer Trainer, double Auc, double[] Margins)? best = null;
        foreach (var candidate in candidates)
        {
            var margins = new double[enriched.Count];
            foreach (var split in inner)
            {
                var model = candidate.Fit(enriched.Subset(split.Train));
                var predicted = model.Margins(enriched.Subset(split.Test).Rows);
                for (var k = 0; k < predicted.Length; k++) margins[split.Test[k]] = predicted[k];
            }
            var auc = Ranking.RocAuc(margins, enriched.Labels);
            log?.Invoke($"  inner {options.InnerFolds}-fold ROC AUC {auc:F4} for {Describe(candidate)}");
            if (best is null || auc > best.Value.Auc) best = (candidate, auc, margins);
        }
        var (chosen, innerAuc, validationMargins) = best ?? throw new InvalidOperationException("No candidate hyper-parameters.");

        var final = (chosen is LightGbmTrainer boosted ? new LightGbmTrainer(boosted.Settings with { Seeds = options.FinalSeeds }, seed) : chosen).Fit(enriched);
        var (calibrationMargins, labels) = (validationMargins, enriched.Labels);
        if (calibrateFrom is { } from && enriched.Times is { } times)
        {
            var recent = Enumerable.Range(0, enriched.Count).Where(i => times[i] >= from).ToArray();
            if (recent.Any(i => labels[i]) && recent.Any(i => !labels[i]))
            {
                (calibrationMargins, labels) = (recent.Select(i => validationMargins[i]).ToArray(), recent.Select(i => enriched.Labels[i]).ToArray());
                log?.Invoke($"  calibration and thresholds on the {recent.Length:N0} most recent labelled rows");
            }
        }
        var calibrator = ProbabilityCalibrator.Fit(calibrationMargins, labels);
        var probabilities = calibrationMargins.Select(calibrator.Probability).ToArray();
        return new TrainedModel(derived, final, Describe(chosen), innerAuc, calibrator,
            Thresholds.MaximiseFBeta(probabilities, labels, Thresholds.RedBeta),
            Thresholds.MaximiseFBeta(probabilities, labels, Thresholds.OrangeBeta));
    }

    private static string Describe(IBinaryTrainer trainer) => trainer is LightGbmTrainer boosted ? $"LightGBM {boosted.Settings}" : trainer.Name;

    private DerivedFeatures ChooseDerivedFeatures(FeatureTable train)
    {
        if (options.CombinedFeatures == 0 || options.Baseline is not null) return DerivedFeatures.Pairwise(train.FeatureNames, [], [], options.MissingCount);
        var probe = (MlNetEnsemble)new LightGbmTrainer(options.Candidates[0] with { Seeds = 1 }, seed).Fit(train);
        var gain = LightGbmTrainer.Importance(probe);
        var top = Enumerable.Range(0, gain.Length).OrderByDescending(i => gain[i]).Take(options.CombinedFeatures).ToArray();
        return DerivedFeatures.Pairwise(train.FeatureNames, top, options.Combinations, options.MissingCount);
    }
}
