using System.Text.Json;
using Microsoft.ML;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Explanations;

/// <summary>
/// Explains the averaged margin of a LightGBM model: each member's path attributions, averaged
/// like the margins are, then folded from the derived columns back onto the original features.
/// Needs each member's leaf covers (<c>member-N.covers.json</c>), written when the model is saved.
/// </summary>
public sealed class ModelExplainer
{
    private readonly MemberExplainer[] _members;
    private readonly DerivedFeatures _derived;
    private readonly int _originalWidth;

    private ModelExplainer(MemberExplainer[] members, DerivedFeatures derived, int originalWidth)
    {
        _members = members;
        _derived = derived;
        _originalWidth = originalWidth;
    }

    public static string CoversFile(string directory, int member) => Path.Combine(directory, $"member-{member}.covers.json");

    /// <summary>Writes each member's leaf covers over <paramref name="referenceRows"/> (original features); false when the model has no trees.</summary>
    public static bool WriteCovers(IReadOnlyList<ITransformer> members, DerivedFeatures derived, IReadOnlyList<float[]> referenceRows, string directory)
    {
        var trees = members.Select(MemberExplainer.Trees).ToArray();
        if (trees.Any(t => t is null)) return false;
        var rows = derived.Apply(referenceRows);
        for (var m = 0; m < members.Count; m++)
            File.WriteAllText(CoversFile(directory, m), JsonSerializer.Serialize(MemberExplainer.CountLeaves(trees[m]!, rows)));
        return true;
    }

    /// <summary>The explainer of a saved model, or null when it has no covers (a linear model, or one saved without reference rows).</summary>
    public static ModelExplainer? Load(MLContext ml, IReadOnlyList<ITransformer> members, DerivedFeatures derived, int originalWidth, string directory)
    {
        var explainers = new MemberExplainer[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            var trees = MemberExplainer.Trees(members[m]);
            var file = CoversFile(directory, m);
            if (trees is null || !File.Exists(file)) return null;
            var covers = JsonSerializer.Deserialize<long[][]>(File.ReadAllText(file)) ?? throw new InvalidDataException($"{file} is empty.");
            explainers[m] = MemberExplainer.Create(ml, trees, covers, derived.Names.Count);
        }
        return new ModelExplainer(explainers, derived, originalWidth);
    }

    /// <summary>Explains one row of original features (NaN = missing). Safe to call from many threads.</summary>
    public MarginExplanation Explain(float[] row)
    {
        var derivedRow = _derived.Apply(row);
        var contributions = new double[derivedRow.Length];
        var margin = _members.Sum(m => m.Attribute(derivedRow, contributions));
        return Fold(margin, contributions);
    }

    /// <summary>Explains many rows (for rescoring a perimeter): the same figures as one by one, faster.</summary>
    public IReadOnlyList<MarginExplanation> Explain(IReadOnlyList<float[]> rows)
    {
        const int Block = 64;
        var explanations = new MarginExplanation[rows.Count];
        for (var start = 0; start < rows.Count; start += Block)
        {
            var block = _derived.Apply(rows.Skip(start).Take(Block).ToArray()).ToArray();
            var contributions = block.Select(r => new double[r.Length]).ToArray();
            var margins = new double[block.Length];
            foreach (var member in _members) member.Attribute(block, contributions, margins);
            for (var r = 0; r < block.Length; r++) explanations[start + r] = Fold(margins[r], contributions[r]);
        }
        return explanations;
    }

    private MarginExplanation Fold(double marginSum, double[] derivedContributions)
    {
        var n = _members.Length;
        var contributions = new double[_originalWidth];
        for (var f = 0; f < _originalWidth; f++) contributions[f] = derivedContributions[f] / n;
        var missing = 0.0;
        for (var c = 0; c < _derived.Columns.Count; c++)
        {
            var share = derivedContributions[_originalWidth + c] / n;
            var column = _derived.Columns[c];
            if (column.Kind == Derivation.MissingCount)
            {
                missing += share;
                continue;
            }
            contributions[column.Left] += share / 2;
            contributions[column.Right] += share / 2;
        }
        return new MarginExplanation(marginSum / n, _members.Average(m => m.Baseline), contributions, missing);
    }
}
