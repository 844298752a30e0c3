using Microsoft.ML.Trainers.FastTree;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// One regression tree prepared for path attribution: each node's expected output (the mean of
/// the leaves below it, weighted by how many reference rows reached each leaf) and each node's
/// parent. Walking from the leaf a row reached up to the root, every split hands the change of
/// expected output it caused to the feature it tested (Saabas' attribution); the changes add
/// up, by construction, to the leaf's value minus the root's expected value.
/// </summary>
internal sealed class TreePaths
{
    private readonly int[] _splitFeature;
    private readonly int[] _nodeParent;
    private readonly int[] _leafParent;
    private readonly double[] _nodeValue;
    private readonly double[] _leafValue;

    public TreePaths(RegressionTree tree, IReadOnlyList<long> leafCovers)
    {
        var nodes = tree.NumberOfNodes;
        _splitFeature = tree.NumericalSplitFeatureIndexes.ToArray();
        _leafValue = tree.LeafValues.ToArray();
        _nodeParent = Enumerable.Repeat(-1, nodes).ToArray();
        _leafParent = Enumerable.Repeat(-1, tree.NumberOfLeaves).ToArray();
        for (var n = 0; n < nodes; n++)
        {
            if (tree.CategoricalSplitFlags[n]) throw new NotSupportedException("Categorical splits are not explained: the models are trained on numeric features only.");
            foreach (var child in new[] { tree.LeftChild[n], tree.RightChild[n] })
                if (child < 0) _leafParent[~child] = n; else _nodeParent[child] = n;
        }
        _nodeValue = new double[nodes];
        var nodeCover = new double[nodes];
        if (nodes > 0) Fill(tree, 0, leafCovers, nodeCover);
        Root = nodes > 0 ? _nodeValue[0] : _leafValue[0];
    }

    /// <summary>Expected output of the tree over the reference rows.</summary>
    public double Root { get; }

    public int Leaves => _leafValue.Length;

    /// <summary>Adds <paramref name="weight"/> × each split's change along the path to <paramref name="leaf"/>; returns the leaf's value.</summary>
    public double Attribute(int leaf, double weight, double[] contributions)
    {
        var below = _leafValue[leaf];
        var node = _leafParent[leaf];
        while (node >= 0)
        {
            contributions[_splitFeature[node]] += weight * (below - _nodeValue[node]);
            below = _nodeValue[node];
            node = _nodeParent[node];
        }
        return _leafValue[leaf];
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
}
