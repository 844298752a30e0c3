using System.Reflection;
using Microsoft.ML.Trainers.FastTree;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// The value ML.NET substitutes for a missing feature at each split of a LightGBM tree. LightGBM
/// learns per split which side missing values take; ML.NET keeps that as one number per node
/// (the threshold to go left, just above it to go right, 0 where training saw no missing value)
/// inside its internal tree, and its public tree type does not expose it. It is read here by
/// reflection; <see cref="MemberExplainer"/> checks on every load that traversals using it
/// reach the same leaves as ML.NET's own, so an ML.NET upgrade that moves it fails loudly.
/// </summary>
internal static class MissingValues
{
    private static readonly FieldInfo? InternalTree =
        typeof(RegressionTreeBase).GetField("_tree", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>One value per node, or null when the tree reads missing values as they are (every split sends them right).</summary>
    public static float[]? Of(RegressionTree tree)
    {
        var inner = InternalTree?.GetValue(tree)
            ?? throw new NotSupportedException("This ML.NET version keeps its trees differently: missing-value sides cannot be read.");
        var field = inner.GetType().GetField("DefaultValueForMissing", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new NotSupportedException("This ML.NET version keeps missing-value sides differently.");
        return (float[]?)field.GetValue(inner);
    }
}
