using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using SignauxFaibles.Modeling.Data;

namespace SignauxFaibles.Modeling.Training;

/// <summary>
/// Gradient-boosted trees (ML.NET LightGBM), the main model. Missing values stay NaN: LightGBM
/// learns at each split which side missing values go to, which is what "missing source" means.
/// With several seeds, the models are averaged on the margin scale.
/// </summary>
public sealed class LightGbmTrainer(LightGbmSettings settings, int seed) : IBinaryTrainer
{
    public string Name => "LightGBM";
    public LightGbmSettings Settings => settings;

    public IMarginModel Fit(FeatureTable train)
    {
        var members = new List<ITransformer>();
        MLContext? ml = null;
        for (var s = 0; s < settings.Seeds; s++)
        {
            ml = new MLContext(seed: seed + 7919 * s);
            var data = MlData.ToDataView(ml, train.Rows, train.Labels, train.FeatureNames.Count);
            members.Add(ml.BinaryClassification.Trainers.LightGbm(Options(seed + 7919 * s)).Fit(data));
        }
        return new MlNetEnsemble(ml!, members, train.FeatureNames);
    }

    /// <summary>Total split gain per feature, summed over the members: which features the trees rely on.</summary>
    public static double[] Importance(MlNetEnsemble model)
    {
        var total = new double[model.FeatureNames.Count];
        foreach (var member in model.Members.Cast<BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>>())
        {
            var weights = default(VBuffer<float>);
            member.Model.SubModel.GetFeatureWeights(ref weights);
            var dense = weights.DenseValues().ToArray();
            for (var i = 0; i < total.Length && i < dense.Length; i++) total[i] += dense[i];
        }
        return total;
    }

    private LightGbmBinaryTrainer.Options Options(int memberSeed) => new()
    {
        NumberOfIterations = settings.Trees,
        LearningRate = settings.LearningRate,
        NumberOfLeaves = settings.Leaves,
        MinimumExampleCountPerLeaf = settings.MinExamplesPerLeaf,
        NumberOfThreads = settings.Threads,
        Seed = memberSeed,
        HandleMissingValue = true,
        UseZeroAsMissingValue = false,
        Silent = true,
        Verbose = false,
        WeightOfPositiveExamples = settings.PositiveWeight,
        Booster = new GradientBooster.Options
        {
            FeatureFraction = settings.FeatureFraction,
            SubsampleFraction = settings.RowFraction,
            SubsampleFrequency = settings.RowFraction < 1 ? 1 : 0,
            L2Regularization = settings.L2,
            MinimumChildWeight = settings.MinChildWeight,
        },
    };
}

/// <summary>One or several ML.NET models whose margins are averaged.</summary>
public sealed class MlNetEnsemble(MLContext ml, IReadOnlyList<ITransformer> members, IReadOnlyList<string> featureNames) : IMarginModel
{
    public IReadOnlyList<string> FeatureNames => featureNames;
    public IReadOnlyList<ITransformer> Members => members;
    public MLContext Context => ml;

    public double[] Margins(IReadOnlyList<float[]> rows)
    {
        var sum = new double[rows.Count];
        foreach (var member in members)
        {
            var margins = MlData.Margins(ml, member, rows, featureNames.Count);
            for (var i = 0; i < sum.Length; i++) sum[i] += margins[i];
        }
        for (var i = 0; i < sum.Length; i++) sum[i] /= members.Count;
        return sum;
    }
}
