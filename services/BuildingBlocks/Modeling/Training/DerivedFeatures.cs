namespace SignauxFaibles.Modeling.Training;

/// <summary>How a derived column is computed from the original ones.</summary>
public enum Derivation
{
    /// <summary>How many of the original values are missing: incomplete statements are a signal of their own.</summary>
    MissingCount,
    Ratio,
    Product,
    Difference,
}

/// <summary>One derived column: <c>Left op Right</c> (indices into the original features).</summary>
public sealed record DerivedColumn(Derivation Kind, int Left, int Right, string Name);

/// <summary>
/// Extra columns computed from a row: the count of missing values and arithmetic combinations of
/// the most informative features. Trees split on one feature at a time, so a ratio of two
/// ratios (profit per unit of debt…) that matters is hard for them to rebuild; giving it to them
/// directly helps. Which features to combine is decided from the training rows only.
/// </summary>
public sealed class DerivedFeatures(IReadOnlyList<string> originalNames, IReadOnlyList<DerivedColumn> columns)
{
    public IReadOnlyList<DerivedColumn> Columns => columns;
    public IReadOnlyList<string> Names { get; } = originalNames.Concat(columns.Select(c => c.Name)).ToArray();

    /// <summary>Combines every pair among <paramref name="top"/> (original feature indices, most informative first).</summary>
    public static DerivedFeatures Pairwise(IReadOnlyList<string> names, IReadOnlyList<int> top, IReadOnlyList<Derivation> kinds, bool missingCount)
    {
        var columns = new List<DerivedColumn>();
        if (missingCount) columns.Add(new(Derivation.MissingCount, -1, -1, "missing_count"));
        for (var a = 0; a < top.Count; a++)
            for (var b = a + 1; b < top.Count; b++)
                foreach (var kind in kinds)
                {
                    var (l, r) = (top[a], top[b]);
                    var symbol = kind switch { Derivation.Ratio => "/", Derivation.Product => "*", _ => "-" };
                    columns.Add(new(kind, l, r, $"{names[l]}{symbol}{names[r]}"));
                }
        return new DerivedFeatures(names, columns);
    }

    public float[] Apply(float[] row)
    {
        var result = new float[row.Length + columns.Count];
        row.CopyTo(result, 0);
        for (var c = 0; c < columns.Count; c++) result[row.Length + c] = Compute(columns[c], row);
        return result;
    }

    public IReadOnlyList<float[]> Apply(IReadOnlyList<float[]> rows) => rows.Select(Apply).ToArray();

    private static float Compute(DerivedColumn column, float[] row)
    {
        if (column.Kind == Derivation.MissingCount) return row.Count(float.IsNaN);
        var (l, r) = (row[column.Left], row[column.Right]);
        var value = column.Kind switch
        {
            Derivation.Ratio => r == 0 ? float.NaN : l / r,
            Derivation.Product => l * r,
            _ => l - r,
        };
        // NaN propagates (missing stays missing); overflow to infinity is treated as missing too.
        return float.IsFinite(value) ? value : float.NaN;
    }
}
