using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Scoring;

/// <summary>
/// Everything besides the ML.NET zips a scorer needs, stored as <c>model.json</c>: the input
/// features in order, the derived columns, the calibration, the two alert thresholds (on the
/// calibrated probability) and the figures the model was accepted on, the months it was trained on,
/// and each feature's share of missing values in training (what the promotion gate compares the
/// live panel with; null for models saved before it was recorded), and the distributions of the
/// features and scores the live ones are watched against (null for models saved before profiles:
/// <c>sf model profile</c> adds one).
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
    string? TrainTo = null,
    IReadOnlyDictionary<string, double>? MissingRates = null,
    string? TrainingFingerprint = null,
    string? CodeVersion = null,
    TrainingProfile? Profile = null);

/// <summary>Where a model comes from: the SHA-256 of the panel file it was trained on and the code version that trained it.</summary>
public sealed record ModelProvenance(string TrainingFingerprint, string CodeVersion);

/// <summary>The alert levels of model.md.</summary>
public enum AlertLevel
{
    None,
    Orange,
    Red,
}
