using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using SignauxFaibles.Modeling.Data;

namespace SignauxFaibles.Modeling.Training;

/// <summary>
/// The transparent baseline: an L2-regularised logistic regression (L-BFGS). A linear model
/// cannot read NaN, so each feature gets a "was missing" indicator and missing values are
/// replaced by the training mean; features are then mapped to their quantile bin in [0, 1],
/// which tames the extreme outliers of financial ratios that would otherwise dominate a
/// mean–variance scaling. All of it lives in the ML.NET pipeline, so the saved model applies
/// the same preparation when scoring.
/// </summary>
public sealed class LogisticTrainer(float l2 = 1f, int bins = 32) : IBinaryTrainer
{
    public string Name => "logistic regression";

    public IMarginModel Fit(FeatureTable train)
    {
        var ml = new MLContext(seed: 1);
        var data = MlData.ToDataView(ml, train.Rows, train.Labels, train.FeatureNames.Count);
        var pipeline = ml.Transforms.IndicateMissingValues("Missing", nameof(FeatureRow.Features))
            .Append(ml.Transforms.Conversion.ConvertType("MissingAsFloat", "Missing", DataKind.Single))
            .Append(ml.Transforms.ReplaceMissingValues("Imputed", nameof(FeatureRow.Features), MissingValueReplacingEstimator.ReplacementMode.Mean))
            .Append(ml.Transforms.NormalizeBinning("Binned", "Imputed", maximumBinCount: bins))
            .Append(ml.Transforms.Concatenate("Prepared", "Binned", "MissingAsFloat"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                FeatureColumnName = "Prepared",
                L2Regularization = l2,
                NumberOfThreads = 1,
            }));
        return new MlNetEnsemble(ml, [pipeline.Fit(data)], train.FeatureNames);
    }
}
