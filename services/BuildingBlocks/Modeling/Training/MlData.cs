using Microsoft.ML;
using Microsoft.ML.Data;

namespace SignauxFaibles.Modeling.Training;

/// <summary>The row shape every model of this library reads: a fixed-width feature vector and a label.</summary>
public sealed class FeatureRow
{
    public bool Label { get; set; }
    public float[] Features { get; set; } = [];
}

/// <summary>The raw output of a binary model: the margin (log-odds scale for LightGBM and logistic regression).</summary>
public sealed class MarginOutput
{
    public float Score { get; set; }
}

/// <summary>Conversions between feature rows and ML.NET data views; the vector width is set at run time from the feature list.</summary>
public static class MlData
{
    public static SchemaDefinition InputSchema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    public static IDataView ToDataView(MLContext ml, IReadOnlyList<float[]> rows, IReadOnlyList<bool>? labels, int width) =>
        ml.Data.LoadFromEnumerable(
            rows.Select((r, i) => new FeatureRow { Features = r, Label = labels is not null && labels[i] }),
            InputSchema(width));

    /// <summary>Margins of many rows at once through a batch transform (much faster than one prediction per row).</summary>
    public static double[] Margins(MLContext ml, ITransformer model, IReadOnlyList<float[]> rows, int width)
    {
        var scored = model.Transform(ToDataView(ml, rows, null, width));
        return scored.GetColumn<float>("Score").Select(s => (double)s).ToArray();
    }
}
