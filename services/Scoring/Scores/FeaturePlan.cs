using System.Collections.Concurrent;
using SignauxFaibles.Scoring.Explanations;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// A model's features worked out once: where each one sits in a snapshot layout (once per
/// layout), which one-hot label it stands for, and which theme it explains. A rescore builds
/// hundreds of thousands of rows; looking every feature up by name for each would cost more than
/// the trees.
/// </summary>
public sealed class FeaturePlan
{
    private readonly IReadOnlyList<string> _features;
    private readonly (string Label, string Value)?[] _oneHot;
    private readonly ConcurrentDictionary<string, int[]> _columns = new(StringComparer.Ordinal);

    public FeaturePlan(IReadOnlyList<string> features)
    {
        _features = features;
        _oneHot = features.Select(f => f.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? (f[..i], f[(i + 1)..]) : ((string, string)?)null).ToArray();
        Theme = features.Select(f => Themes.IndexOf(Themes.Of(f))).ToArray();
        MissingValuesTheme = Themes.IndexOf(Themes.Of(Themes.MissingValues));
    }

    /// <summary>Each feature's index in <see cref="Themes.All"/>.</summary>
    public IReadOnlyList<int> Theme { get; }

    public int MissingValuesTheme { get; }

    /// <summary>The model's feature row of <paramref name="input"/>; the same as <see cref="ScoringInput.Row"/>.</summary>
    public float[] Row(ScoringInput input)
    {
        var columns = _columns.GetOrAdd(input.Layout.Id, _ => _features.Select(input.Layout.IndexOf).ToArray());
        var row = new float[_features.Count];
        for (var f = 0; f < row.Length; f++)
        {
            if (_oneHot[f] is var (label, value))
                row[f] = input.Labels?.GetValueOrDefault(label) == value ? 1 : 0;
            else
                row[f] = columns[f] < 0 ? float.NaN : input.Values[columns[f]];
        }
        return row;
    }
}
