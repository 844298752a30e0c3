using System.Numerics;
using Microsoft.ML.Trainers.FastTree;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// Finds the leaf every tree of a member sends a row to, feature by feature rather than tree by
/// tree (the QuickScorer method: Lucchese et al., SIGIR 2015). Each tree keeps one bit per leaf,
/// leaves numbered from left to right; every split a row goes right at clears the bits of the
/// split's left subtree, and the row's leaf is then the lowest bit left. A feature's splits are
/// sorted by threshold, so the ones a value goes right at are a prefix: no walk, no
/// unpredictable branch per node, and only the splits a row fails are touched. A walk spends the
/// tree's depth in steps for every row; here the work is about half the splits.
/// </summary>
internal sealed class LeafFinder
{
    private const int MaxLeaves = 64;

    private readonly int _trees;
    // Per feature, its splits in _byThreshold (ascending thresholds, then an infinite one) and in
    // _missingRight (the splits that send a missing value right).
    private readonly int[] _thresholdStart;
    private readonly Split[] _byThreshold;
    private readonly int[] _missingStart;
    private readonly Split[] _missingRight;
    // Per tree, the model's index of the leaf at each bit (leftmost leaf first).
    private readonly int[] _leafStart;
    private readonly int[] _leafAtBit;

    private LeafFinder(int trees, int[] thresholdStart, Split[] byThreshold, int[] missingStart, Split[] missingRight, int[] leafStart, int[] leafAtBit)
    {
        _trees = trees;
        _thresholdStart = thresholdStart;
        _byThreshold = byThreshold;
        _missingStart = missingStart;
        _missingRight = missingRight;
        _leafStart = leafStart;
        _leafAtBit = leafAtBit;
    }

    /// <summary>The finder of <paramref name="trees"/> over rows of <paramref name="width"/> values, or null when a tree has more leaves than a bit mask holds.</summary>
    public static LeafFinder? TryCreate(IReadOnlyList<RegressionTree> trees, int width)
    {
        if (trees.Any(t => t.NumberOfLeaves > MaxLeaves)) return null;
        var splits = new List<(int Feature, Split Split, bool MissingRight)>();
        var leafStart = new int[trees.Count + 1];
        var leafAtBit = new List<int>();
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            leafStart[t] = leafAtBit.Count;
            var missingValue = MissingValues.Of(tree);
            // In-order: a node's left subtree gets the bits just below its right subtree's.
            (int First, int End) Number(int child)
            {
                if (child < 0)
                {
                    leafAtBit.Add(~child);
                    return (leafAtBit.Count - 1 - leafStart[t], leafAtBit.Count - leafStart[t]);
                }
                var left = Number(tree.LeftChild[child]);
                var right = Number(tree.RightChild[child]);
                var threshold = tree.NumericalSplitThresholds[child];
                var leftBits = (left.End - left.First == MaxLeaves ? ulong.MaxValue : (1UL << (left.End - left.First)) - 1) << left.First;
                // The same rule as the walk: a missing value is read as the split's substitute, or goes right.
                var missingRight = missingValue is null || !(missingValue[child] <= threshold);
                splits.Add((tree.NumericalSplitFeatureIndexes[child], new Split(threshold, t, ~leftBits), missingRight));
                return (left.First, right.End);
            }
            if (tree.NumberOfNodes > 0) Number(0); else leafAtBit.Add(0);
        }
        leafStart[^1] = leafAtBit.Count;

        if (splits.Any(s => s.Feature < 0 || s.Feature >= width))
            throw new InvalidDataException($"A split tests a feature outside the {width} the model reads.");

        var thresholdStart = new int[width + 1];
        var missingStart = new int[width + 1];
        var byThreshold = new List<Split>();
        var missing = new List<Split>();
        var byFeature = splits.ToLookup(s => s.Feature);
        for (var f = 0; f < width; f++)
        {
            thresholdStart[f] = byThreshold.Count;
            missingStart[f] = missing.Count;
            byThreshold.AddRange(byFeature[f].Select(s => s.Split).OrderBy(s => s.Threshold));
            // A sentinel no value is above ends the feature's scan (missing values are read apart).
            byThreshold.Add(new Split(float.PositiveInfinity, 0, ulong.MaxValue));
            missing.AddRange(byFeature[f].Where(s => s.MissingRight).Select(s => s.Split));
        }
        thresholdStart[^1] = byThreshold.Count;
        missingStart[^1] = missing.Count;
        return new LeafFinder(trees.Count, thresholdStart, byThreshold.ToArray(), missingStart, missing.ToArray(), leafStart, leafAtBit.ToArray());
    }

    /// <summary>Writes in <paramref name="leaves"/> the leaf each tree sends <paramref name="row"/> to.</summary>
    public void Find(ReadOnlySpan<float> row, Span<int> leaves)
    {
        Span<ulong> bits = _trees <= 1024 ? stackalloc ulong[_trees] : new ulong[_trees];
        bits.Fill(ulong.MaxValue);
        var byThreshold = _byThreshold;
        for (var f = 0; f < _thresholdStart.Length - 1; f++)
        {
            var value = row[f];
            if (float.IsNaN(value))
            {
                for (var k = _missingStart[f]; k < _missingStart[f + 1]; k++)
                    bits[_missingRight[k].Tree] &= _missingRight[k].Mask;
                continue;
            }
            // Ascending thresholds: the splits this value goes right at (value above the threshold) come first.
            for (var k = _thresholdStart[f]; value > byThreshold[k].Threshold; k++)
                bits[byThreshold[k].Tree] &= byThreshold[k].Mask;
        }
        for (var t = 0; t < _trees; t++) leaves[t] = _leafAtBit[_leafStart[t] + BitOperations.TrailingZeroCount(bits[t])];
    }

    /// <summary>A split: the tree it belongs to and, for a row going right, the leaves still reachable.</summary>
    private readonly record struct Split(float Threshold, int Tree, ulong Mask);
}
