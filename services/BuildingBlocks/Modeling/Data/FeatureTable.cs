namespace SignauxFaibles.Modeling.Data;

/// <summary>
/// The training set in memory: one float row per example (NaN = missing, never silently zero),
/// a binary label, and optionally the group (company SIREN) and time index (months since an
/// origin) the honest splits need. Rows are shared, not copied, by <see cref="Subset"/>.
/// </summary>
public sealed class FeatureTable
{
    public FeatureTable(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<string>? groups = null, IReadOnlyList<int>? times = null)
    {
        if (rows.Count != labels.Count) throw new ArgumentException($"{rows.Count} rows but {labels.Count} labels.");
        if (groups is not null && groups.Count != rows.Count) throw new ArgumentException($"{rows.Count} rows but {groups.Count} groups.");
        if (times is not null && times.Count != rows.Count) throw new ArgumentException($"{rows.Count} rows but {times.Count} times.");
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Length != featureNames.Count)
                throw new ArgumentException($"Row {i} has {rows[i].Length} values for {featureNames.Count} features.");
        FeatureNames = featureNames;
        Rows = rows;
        Labels = labels;
        Groups = groups;
        Times = times;
    }

    public IReadOnlyList<string> FeatureNames { get; }
    public IReadOnlyList<float[]> Rows { get; }
    public IReadOnlyList<bool> Labels { get; }
    public IReadOnlyList<string>? Groups { get; }
    public IReadOnlyList<int>? Times { get; }

    public int Count => Rows.Count;
    public int Positives => Labels.Count(l => l);

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public FeatureTable Subset(IReadOnlyList<int> indices) => new(
        FeatureNames,
        indices.Select(i => Rows[i]).ToArray(),
        indices.Select(i => Labels[i]).ToArray(),
        Groups is null ? null : indices.Select(i => Groups[i]).ToArray(),
        Times is null ? null : indices.Select(i => Times[i]).ToArray());

    /// <summary>The same examples with other columns (derived features computed from these rows).</summary>
    public FeatureTable WithFeatures(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> rows) =>
        new(featureNames, rows, Labels, Groups, Times);
}
