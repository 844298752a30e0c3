using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.UnitTests.Modeling;

/// <summary>
/// A quick run of the whole nested procedure on the real Polish file (3 folds, few trees), so a
/// broken reader, split, feature derivation or trainer shows up as a collapsed AUC rather than
/// passing silently. The full 10-fold figure is measured by sf model train, not here.
/// </summary>
public sealed class PolishPipelineTests
{
    private static readonly string File1Year = Path.Combine(AppContext.BaseDirectory, "fixtures", "polish", "1year.arff");

    private static readonly NestedTrainingOptions Quick = new()
    {
        Candidates =
        [
            new LightGbmSettings { Trees = 60, LearningRate = 0.15, Leaves = 15, MinExamplesPerLeaf = 20 },
            new LightGbmSettings { Trees = 60, LearningRate = 0.15, Leaves = 7, MinExamplesPerLeaf = 10 },
        ],
        InnerFolds = 2,
        CombinedFeatures = 6,
        FinalSeeds = 2,
    };

    [Fact]
    public void The_file_reads_as_published()
    {
        var table = ArffReader.Read(File1Year);
        Assert.Equal((7027, 271, 64), (table.Count, table.Positives, table.FeatureNames.Count));
        Assert.Contains(table.Rows, r => r.Any(float.IsNaN));
    }

    [Fact]
    public void Three_fold_cross_validation_ranks_bankrupt_companies_well()
    {
        var table = ArffReader.Read(File1Year);
        var result = DatasetEvaluation.CrossValidate(table, folds: 3, seed: 1, Quick, parallelFolds: 1);
        Assert.Equal(3, result.Folds.Count);
        Assert.Equal(271, result.Folds.Sum(f => f.TestPositives));
        Assert.True(result.MeanRocAuc > 0.90, $"ROC AUC {result.MeanRocAuc:F4}");
        Assert.True(result.MeanPrAuc > 0.45, $"PR AUC {result.MeanPrAuc:F4}");
    }

    [Fact]
    public void Hold_out_thresholds_chosen_on_validation_give_a_short_precise_red_list()
    {
        var table = ArffReader.Read(File1Year);
        var result = DatasetEvaluation.HoldOut(table, 0.25, seed: 2, Quick);
        Assert.True(result.RocAuc > 0.90, $"ROC AUC {result.RocAuc:F4}");
        Assert.True(result.LogisticRocAuc is > 0.6 and < 0.99, $"logistic ROC AUC {result.LogisticRocAuc:F4}");
        // Red maximises F0.5 (precision first), orange F2 (recall first): orange flags more and finds more.
        Assert.True(result.Red.Threshold > result.Orange.Threshold);
        Assert.True(result.Orange.Recall >= result.Red.Recall);
        Assert.True(result.Red.Precision > 0.5, $"red precision {result.Red.Precision:F3}");
        Assert.True(result.Brier < 0.05, $"Brier {result.Brier:F4}");
    }
}
