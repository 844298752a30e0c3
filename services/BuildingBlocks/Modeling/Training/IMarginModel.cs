namespace SignauxFaibles.Modeling.Training;

/// <summary>A trained binary model: higher margin = higher risk. Margins of different models are not comparable; probabilities come from a calibrator.</summary>
public interface IMarginModel
{
    IReadOnlyList<string> FeatureNames { get; }
    double[] Margins(IReadOnlyList<float[]> rows);
}

/// <summary>Fits a model on a feature table.</summary>
public interface IBinaryTrainer
{
    string Name { get; }
    IMarginModel Fit(Data.FeatureTable train);
}
