using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// Path attribution for one LightGBM member. Which leaf a row reaches is asked of ML.NET's own
/// tree featurizer rather than re-walked here: LightGBM decides per split which side a missing
/// value takes, and ML.NET does not expose that choice, so only its own traversal is exact.
/// </summary>
internal sealed class MemberExplainer
{
    private readonly MLContext _ml;
    private readonly ITransformer _featurizer;
    private readonly TreePaths[] _trees;
    private readonly double[] _treeWeights;
    private readonly int[] _offsets;
    private readonly int _width;
    private readonly double _bias;
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, LeafOutput>> _engines = new();

    private MemberExplainer(MLContext ml, ITransformer featurizer, TreePaths[] trees, double[] weights, double bias, int width)
    {
        _ml = ml;
        _featurizer = featurizer;
        _trees = trees;
        _treeWeights = weights;
        _width = width;
        _bias = bias;
        _offsets = new int[trees.Length];
        for (var t = 1; t < trees.Length; t++) _offsets[t] = _offsets[t - 1] + trees[t - 1].Leaves;
        Baseline = bias + trees.Select((tree, t) => weights[t] * tree.Root).Sum();
    }

    /// <summary>The member's expected margin over the reference rows.</summary>
    public double Baseline { get; }

    /// <summary>The tree ensemble inside a trained or loaded LightGBM member, or null for another kind of model.</summary>
    public static LightGbmBinaryModelParameters? Trees(ITransformer member) =>
        (member as ISingleFeaturePredictionTransformer<object>)?.Model switch
        {
            CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> calibrated => calibrated.SubModel,
            LightGbmBinaryModelParameters raw => raw,
            _ => null,
        };

    public static MemberExplainer Create(MLContext ml, LightGbmBinaryModelParameters model, IReadOnlyList<long[]> leafCovers, int width)
    {
        var ensemble = model.TrainedTreeEnsemble;
        if (leafCovers.Count != ensemble.Trees.Count) throw new InvalidDataException($"{leafCovers.Count} leaf cover lists for {ensemble.Trees.Count} trees.");
        var trees = ensemble.Trees.Select((tree, t) => new TreePaths(tree, leafCovers[t])).ToArray();
        return new MemberExplainer(ml, Featurizer(ml, model, width), trees, ensemble.TreeWeights.ToArray(), ensemble.Bias, width);
    }

    /// <summary>How many of <paramref name="rows"/> reach each leaf of each tree (the weights of the node values).</summary>
    public static long[][] CountLeaves(MLContext ml, LightGbmBinaryModelParameters model, IReadOnlyList<float[]> rows, int width)
    {
        var trees = model.TrainedTreeEnsemble.Trees;
        var counts = trees.Select(t => new long[t.NumberOfLeaves]).ToArray();
        var offsets = Offsets(trees);
        var leaves = Featurizer(ml, model, width).Transform(MlData.ToDataView(ml, rows, null, width));
        foreach (var row in leaves.GetColumn<VBuffer<float>>(LeafOutput.Column))
            foreach (var (tree, leaf) in Reached(row, offsets)) counts[tree][leaf]++;
        return counts;
    }

    /// <summary>Adds this member's feature contributions (over the model's input width) to <paramref name="contributions"/>; returns its margin.</summary>
    public double Attribute(float[] derivedRow, double[] contributions)
    {
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<FeatureRow, LeafOutput>(_featurizer, inputSchemaDefinition: MlData.InputSchema(_width));
        VBuffer<float> leaves;
        try
        {
            leaves = engine.Predict(new FeatureRow { Features = derivedRow }).Leaves;
        }
        finally
        {
            _engines.Add(engine);
        }
        return Attribute(leaves, contributions);
    }

    /// <summary>Contributions of many rows at once through a batch transform (for rescoring a whole perimeter).</summary>
    public double[] Attribute(IReadOnlyList<float[]> derivedRows, double[][] contributions)
    {
        var margins = new double[derivedRows.Count];
        var i = 0;
        var leaves = _featurizer.Transform(MlData.ToDataView(_ml, derivedRows, null, _width));
        foreach (var row in leaves.GetColumn<VBuffer<float>>(LeafOutput.Column))
        {
            margins[i] = Attribute(row, contributions[i]);
            i++;
        }
        return margins;
    }

    private double Attribute(VBuffer<float> leaves, double[] contributions)
    {
        var margin = _bias;
        foreach (var (tree, leaf) in Reached(leaves, _offsets))
            margin += _treeWeights[tree] * _trees[tree].Attribute(leaf, _treeWeights[tree], contributions);
        return margin;
    }

    private static IEnumerable<(int Tree, int Leaf)> Reached(VBuffer<float> leaves, int[] offsets)
    {
        var tree = 0;
        foreach (var (index, value) in leaves.Items())
        {
            if (value == 0) continue;
            while (tree + 1 < offsets.Length && offsets[tree + 1] <= index) tree++;
            yield return (tree, index - offsets[tree]);
        }
    }

    private static int[] Offsets(IReadOnlyList<RegressionTree> trees)
    {
        var offsets = new int[trees.Count];
        for (var t = 1; t < trees.Count; t++) offsets[t] = offsets[t - 1] + trees[t - 1].NumberOfLeaves;
        return offsets;
    }

    private static ITransformer Featurizer(MLContext ml, LightGbmBinaryModelParameters model, int width) =>
        ml.Transforms.FeaturizeByPretrainTreeEnsemble(new PretrainedTreeFeaturizationEstimator.Options
        {
            InputColumnName = nameof(FeatureRow.Features),
            ModelParameters = model,
            TreesColumnName = null,
            LeavesColumnName = LeafOutput.Column,
            PathsColumnName = null,
        }).Fit(MlData.ToDataView(ml, [], null, width));
}

/// <summary>The tree featurizer's output: one slot per leaf of every tree, 1 where the row ended.</summary>
public sealed class LeafOutput
{
    public const string Column = "Leaves";
    public VBuffer<float> Leaves { get; set; }
}
