using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Metrics;
using SignauxFaibles.Modeling.Splits;

namespace SignauxFaibles.Modeling.Evaluation;

/// <summary>The figures of one evaluation fold.</summary>
public sealed record FoldResult(int Fold, int TestRows, int TestPositives, double RocAuc, double PrAuc, string Detail);

/// <summary>Out-of-fold figures: per fold, their means, and every row's margin predicted by the model that never saw it.</summary>
public sealed record CrossValidationResult(IReadOnlyList<FoldResult> Folds, double[] OutOfFoldMargins)
{
    public double MeanRocAuc => Folds.Average(f => f.RocAuc);
    public double MeanPrAuc => Folds.Average(f => f.PrAuc);
}

/// <summary>
/// Runs a training procedure on each training side and scores the matching test side. The
/// procedure only ever receives the training rows, so whatever it tunes (hyper-parameters,
/// calibration, thresholds) is chosen without the test rows.
/// </summary>
public static class CrossValidation
{
    /// <param name="fit">Trains on the given rows and returns a scorer of rows plus a line describing what it chose.</param>
    /// <param name="parallelFolds">Folds trained at the same time (each trainer should then use one thread).</param>
    public static CrossValidationResult Run(FeatureTable table, IReadOnlyList<Split> splits,
        Func<FeatureTable, int, (Func<IReadOnlyList<float[]>, double[]> Score, string Detail)> fit,
        int parallelFolds, Action<FoldResult>? progress = null)
    {
        var margins = new double[table.Count];
        var results = new FoldResult[splits.Count];
        var gate = new object();
        Parallel.For(0, splits.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelFolds }, f =>
        {
            var (train, test) = (table.Subset(splits[f].Train), table.Subset(splits[f].Test));
            var (score, detail) = fit(train, f);
            var predicted = score(test.Rows);
            for (var k = 0; k < predicted.Length; k++) margins[splits[f].Test[k]] = predicted[k];
            results[f] = new FoldResult(f + 1, test.Count, test.Positives,
                Ranking.RocAuc(predicted, test.Labels), Ranking.AveragePrecision(predicted, test.Labels), detail);
            lock (gate) progress?.Invoke(results[f]);
        });
        return new CrossValidationResult(results, margins);
    }
}
