using System.Buffers;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// Path attribution for one LightGBM member: each tree is walked here (a few comparisons per
/// tree, no data view), by the same rule as ML.NET's, and that sameness is checked when the
/// member is loaded against ML.NET's own tree featurizer on probe rows full of missing values
/// and values on the thresholds.
/// </summary>
internal sealed class MemberExplainer
{
    private const int ProbeRows = 256;

    private readonly TreePaths[] _trees;
    private readonly LeafFinder? _finder;
    private readonly double[] _treeWeights;
    private readonly double _bias;

    private MemberExplainer(TreePaths[] trees, LeafFinder? finder, double[] weights, double bias)
    {
        _trees = trees;
        _finder = finder;
        _treeWeights = weights;
        _bias = bias;
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
        var trees = ensemble.Trees.Select((tree, t) => new TreePaths(tree, leafCovers[t], ensemble.TreeWeights[t])).ToArray();
        var finder = LeafFinder.TryCreate(ensemble.Trees, width);
        CheckAgainstMlNet(ml, model, trees, finder, width);
        return new MemberExplainer(trees, finder, ensemble.TreeWeights.ToArray(), ensemble.Bias);
    }

    /// <summary>How many of <paramref name="rows"/> reach each leaf of each tree (the weights of the node values).</summary>
    public static long[][] CountLeaves(LightGbmBinaryModelParameters model, IReadOnlyList<float[]> rows)
    {
        var trees = model.TrainedTreeEnsemble.Trees.Select(t => new TreePaths(t, new long[t.NumberOfLeaves])).ToArray();
        var counts = trees.Select(t => new long[t.Leaves]).ToArray();
        foreach (var row in rows)
            for (var t = 0; t < trees.Length; t++) counts[t][trees[t].Leaf(row)]++;
        return counts;
    }

    /// <summary>Adds this member's feature contributions (over the model's input width) to <paramref name="contributions"/>; returns its margin.</summary>
    public double Attribute(float[] derivedRow, double[] contributions)
    {
        Span<int> leaves = _trees.Length <= 4096 ? stackalloc int[_trees.Length] : new int[_trees.Length];
        FindLeaves(derivedRow, leaves);
        var margin = _bias;
        for (var t = 0; t < _trees.Length; t++)
            margin += _treeWeights[t] * _trees[t].Attribute(leaves[t], contributions);
        return margin;
    }

    /// <summary>
    /// The same for a block of rows: every row's leaves first, then tree by tree (each tree's paths
    /// stay in cache for the whole block); adds to <paramref name="contributions"/> and
    /// <paramref name="margins"/> in the order the single-row path does, so both give the same
    /// figures to the last bit.
    /// </summary>
    public void Attribute(float[][] derivedRows, double[][] contributions, double[] margins)
    {
        var trees = _trees.Length;
        var rows = derivedRows.Length;
        // Leaves tree-major: leaves[t * rows + r]. Rented: a block's leaves are a large-object-heap
        // array, and allocating one per block made the collector run full collections.
        var leaves = ArrayPool<int>.Shared.Rent(rows * trees);
        try
        {
            Span<int> found = trees <= 4096 ? stackalloc int[trees] : new int[trees];
            for (var r = 0; r < rows; r++)
            {
                FindLeaves(derivedRows[r], found);
                for (var t = 0; t < trees; t++) leaves[t * rows + r] = found[t];
            }
            var memberMargins = new double[rows];
            Array.Fill(memberMargins, _bias);
            for (var t = 0; t < trees; t++) _trees[t].Attribute(leaves.AsSpan(t * rows, rows), _treeWeights[t], contributions, memberMargins);
            for (var r = 0; r < margins.Length; r++) margins[r] += memberMargins[r];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(leaves);
        }
    }

    /// <summary>The leaf of every tree: all trees at once when their leaves fit a bit mask, else a walk down each.</summary>
    private void FindLeaves(float[] derivedRow, Span<int> leaves)
    {
        if (_finder is not null) _finder.Find(derivedRow, leaves);
        else for (var t = 0; t < _trees.Length; t++) leaves[t] = _trees[t].Leaf(derivedRow);
    }

    /// <summary>
    /// Refuses a member whose leaves, walked here or found split by split, differ from ML.NET's on
    /// probe rows: each value is missing, zero, a split threshold of that feature, or just above one.
    /// </summary>
    private static void CheckAgainstMlNet(MLContext ml, LightGbmBinaryModelParameters model, TreePaths[] trees, LeafFinder? finder, int width)
    {
        var thresholds = new List<float>[width];
        for (var f = 0; f < width; f++) thresholds[f] = [0f];
        foreach (var tree in model.TrainedTreeEnsemble.Trees)
            for (var n = 0; n < tree.NumberOfNodes; n++)
                thresholds[tree.NumericalSplitFeatureIndexes[n]].Add(tree.NumericalSplitThresholds[n]);
        var random = new Random(17);
        var rows = new float[ProbeRows][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new float[width];
            for (var f = 0; f < width; f++)
            {
                var threshold = thresholds[f][random.Next(thresholds[f].Count)];
                rows[r][f] = (r % 4 == 0 ? 2 : random.Next(4)) switch
                {
                    0 => threshold,
                    1 => MathF.BitIncrement(threshold),
                    _ => float.NaN,
                };
            }
        }
        var offsets = new int[trees.Length];
        for (var t = 1; t < trees.Length; t++) offsets[t] = offsets[t - 1] + trees[t - 1].Leaves;
        var featurized = Featurizer(ml, model, width).Transform(MlData.ToDataView(ml, rows, null, width));
        var i = 0;
        var found = new int[trees.Length];
        foreach (var leaves in featurized.GetColumn<VBuffer<float>>(LeafOutput.Column))
        {
            var dense = leaves.DenseValues().ToArray();
            finder?.Find(rows[i], found);
            for (var t = 0; t < trees.Length; t++)
            {
                var walked = trees[t].Leaf(rows[i]);
                if (dense[offsets[t] + walked] == 0)
                    throw new InvalidDataException($"Tree {t} sends probe row {i} to another leaf than ML.NET does: the model cannot be explained exactly with this ML.NET version.");
                if (finder is not null && found[t] != walked)
                    throw new InvalidDataException($"Tree {t}: the split-by-split leaf search finds leaf {found[t]} for probe row {i}, the walk leaf {walked}.");
            }
            i++;
        }
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
