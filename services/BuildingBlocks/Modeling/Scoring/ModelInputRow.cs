namespace SignauxFaibles.Modeling.Scoring;

/// <summary>A model's input row from a company month, wherever the month comes from (a snapshot, a panel file).</summary>
public static class ModelInputRow
{
    /// <summary>
    /// The values of <paramref name="features"/> in order. A feature named <c>label=value</c> is the
    /// one-hot column the training reader made of a text label (<c>naf_section=C</c>): 1 when the
    /// company's label has that value, else 0, exactly as in training; any other is the numeric
    /// column of that name (NaN when missing).
    /// </summary>
    public static float[] Build(IReadOnlyList<string> features, Func<string, float> value, Func<string, string?> label)
    {
        var row = new float[features.Count];
        for (var f = 0; f < row.Length; f++)
        {
            var equals = features[f].IndexOf('=', StringComparison.Ordinal);
            row[f] = equals < 0 ? value(features[f]) : label(features[f][..equals]) == features[f][(equals + 1)..] ? 1 : 0;
        }
        return row;
    }
}
