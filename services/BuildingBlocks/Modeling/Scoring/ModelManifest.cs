using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Scoring;

/// <summary>
/// Everything besides the ML.NET zips a scorer needs, stored as <c>model.json</c>: the input
/// features in order, the derived columns, the calibration, the two alert thresholds (on the
/// calibrated probability) and the figures the model was accepted on, and the months it was trained on.
/// </summary>
public sealed record ModelManifest(
    string Name,
    string Description,
    DateTimeOffset TrainedAt,
    IReadOnlyList<string> Features,
    IReadOnlyList<DerivedColumn> Derived,
    double CalibrationA,
    double CalibrationB,
    double RedThreshold,
    double OrangeThreshold,
    int Members,
    IReadOnlyDictionary<string, double> Metrics,
    string? TrainFrom = null,
    string? TrainTo = null);

/// <summary>The alert levels of model.md.</summary>
public enum AlertLevel
{
    None,
    Orange,
    Red,
}
