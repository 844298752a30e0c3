using Microsoft.ML.Trainers.FastTree;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// One regression tree prepared for traversal and path attribution: each node's split, each
/// node's expected output (the mean of the leaves below it, weighted by how many reference rows
/// reached each leaf) and each node's parent. Walking from the leaf a row reached up to the root,
/// every split hands the change of expected output it caused to the feature it tested (Saabas'
/// attribution); the changes add up, by construction, to the leaf's value minus the root's
/// expected value.
/// </summary>
internal sealed class TreePaths
{
    // Slots: the nodes, then the leaves (leaf l at slot nodes + l, where a walk stops). Node s's
    // children sit at _children[2s] (value at or below the threshold) and [2s + 1] (above).
    private readonly int _nodes;
    private readonly Split[] _splits;
    private readonly int[] _children;
    private readonly double[] _nodeValue;
    private readonly double[] _leafValue;
    // Each leaf's path, leaf to root, flattened: the feature each split tested and the change of
    // expected output it caused (fixed per leaf, so computed once instead of for every row).
    private readonly int[] _pathStart;
    private readonly int[] _pathFeature;
    private readonly double[] _pathChange;

    /// <param name="weight">The tree's weight in its ensemble: path changes are stored already weighted.</param>
    public TreePaths(RegressionTree tree, IReadOnlyList<long> leafCovers, double weight = 1)
    {
        var nodes = tree.NumberOfNodes;
        var splitFeature = tree.NumericalSplitFeatureIndexes.ToArray();
        var missingValue = MissingValues.Of(tree);
        _nodes = nodes;
        _splits = new Split[nodes];
        _children = new int[2 * nodes];
        for (var n = 0; n < nodes; n++)
        {
            var threshold = tree.NumericalSplitThresholds[n];
            // ML.NET reads a missing value as the node's substitute, or leaves it NaN (never at or below a threshold).
            var missingRight = missingValue is null || !(missingValue[n] <= threshold);
            _splits[n] = new Split(splitFeature[n], threshold, missingRight);
            _children[2 * n] = Slot(tree.LeftChild[n]);
            _children[2 * n + 1] = Slot(tree.RightChild[n]);
        }
        _leafValue = tree.LeafValues.ToArray();
        var nodeParent = Enumerable.Repeat(-1, nodes).ToArray();
        var leafParent = Enumerable.Repeat(-1, tree.NumberOfLeaves).ToArray();
        for (var n = 0; n < nodes; n++)
        {
            if (tree.CategoricalSplitFlags[n]) throw new NotSupportedException("Categorical splits are not explained: the models are trained on numeric features only.");
            foreach (var child in new[] { tree.LeftChild[n], tree.RightChild[n] })
                if (child < 0) leafParent[~child] = n; else nodeParent[child] = n;
        }
        _nodeValue = new double[nodes];
        var nodeCover = new double[nodes];
        if (nodes > 0) Fill(tree, 0, leafCovers, nodeCover);
        Root = nodes > 0 ? _nodeValue[0] : _leafValue[0];

        var features = new List<int>();
        var changes = new List<double>();
        _pathStart = new int[_leafValue.Length + 1];
        for (var leaf = 0; leaf < _leafValue.Length; leaf++)
        {
            _pathStart[leaf] = features.Count;
            var below = _leafValue[leaf];
            for (var node = leafParent[leaf]; node >= 0; node = nodeParent[node])
            {
                features.Add(splitFeature[node]);
                changes.Add(weight * (below - _nodeValue[node]));
                below = _nodeValue[node];
            }
        }
        _pathStart[^1] = features.Count;
        _pathFeature = features.ToArray();
        _pathChange = changes.ToArray();
    }

    /// <summary>Expected output of the tree over the reference rows.</summary>
    public double Root { get; }

    public int Leaves => _leafValue.Length;

    /// <summary>
    /// The leaf a row of derived features reaches, by ML.NET's own rule: a missing value is read
    /// as the value LightGBM chose for it at that split (which sends it to the side it learnt, or
    /// reads it as 0 where training saw no missing value), and goes right where the tree has no
    /// such values at all.
    /// </summary>
    public int Leaf(ReadOnlySpan<float> row)
    {
        var slot = 0;
        while (slot < _nodes) slot = Next(slot, row);
        return slot - _nodes;
    }

    private int Next(int slot, ReadOnlySpan<float> row)
    {
        // Branch-free side choice: which side a row takes is unpredictable, and mispredicted
        // branches cost more than the comparisons themselves.
        ref readonly var split = ref _splits[slot];
        var value = row[split.Feature];
        var right = value > split.Threshold | (float.IsNaN(value) & split.MissingRight);
        return _children[2 * slot + (right ? 1 : 0)];
    }

    private int Slot(int child) => child < 0 ? _nodes + ~child : child;

    /// <summary>Adds the weighted change of each split along the path to <paramref name="leaf"/>; returns the leaf's value.</summary>
    public double Attribute(int leaf, double[] contributions)
    {
        for (var k = _pathStart[leaf]; k < _pathStart[leaf + 1]; k++)
            contributions[_pathFeature[k]] += _pathChange[k];
        return _leafValue[leaf];
    }

    /// <summary>
    /// <see cref="Attribute(int, double[])"/> for a block of rows, <paramref name="leaves"/>[r] being
    /// row r's leaf; adds <paramref name="weight"/> × the leaf's value to the row's margin.
    /// </summary>
    public void Attribute(ReadOnlySpan<int> leaves, double weight, double[][] contributions, double[] margins)
    {
        for (var r = 0; r < leaves.Length; r++)
        {
            var leaf = leaves[r];
            var row = contributions[r];
            for (var k = _pathStart[leaf]; k < _pathStart[leaf + 1]; k++)
                row[_pathFeature[k]] += _pathChange[k];
            margins[r] += weight * _leafValue[leaf];
        }
    }

    private (double Value, double Cover) Fill(RegressionTree tree, int child, IReadOnlyList<long> leafCovers, double[] nodeCover)
    {
        if (child < 0) return (_leafValue[~child], leafCovers[~child]);
        var (leftValue, leftCover) = Fill(tree, tree.LeftChild[child], leafCovers, nodeCover);
        var (rightValue, rightCover) = Fill(tree, tree.RightChild[child], leafCovers, nodeCover);
        var cover = leftCover + rightCover;
        // A subtree no reference row reached keeps the plain mean so that values stay defined.
        _nodeValue[child] = cover > 0 ? (leftValue * leftCover + rightValue * rightCover) / cover : (leftValue + rightValue) / 2;
        nodeCover[child] = cover;
        return (_nodeValue[child], cover);
    }

    private readonly record struct Split(int Feature, float Threshold, bool MissingRight);
}
