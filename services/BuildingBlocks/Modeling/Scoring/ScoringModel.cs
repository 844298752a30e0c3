using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using SignauxFaibles.Modeling.Explanations;
using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Scoring;

/// <summary>One scored feature row.</summary>
public sealed record RiskScore(double Margin, double Probability, AlertLevel Level);

/// <summary>
/// A trained model as a service uses it: saved as a folder (<c>model.json</c> + one ML.NET zip
/// per averaged member), loaded once, and then scoring single rows from many threads. ML.NET
/// prediction engines are not thread-safe, so each member keeps a pool of them (an engine is
/// borrowed per call, then returned) instead of one engine behind a lock.
/// </summary>
public sealed class ScoringModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private readonly MLContext _ml;
    private readonly IReadOnlyList<ITransformer> _members;
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, MarginOutput>>[] _pools;
    private readonly DerivedFeatures _derived;
    private readonly ProbabilityCalibrator _calibrator;

    private ScoringModel(MLContext ml, ModelManifest manifest, IReadOnlyList<ITransformer> members, string directory)
    {
        _ml = ml;
        Manifest = manifest;
        _members = members;
        _pools = members.Select(_ => new ConcurrentBag<PredictionEngine<FeatureRow, MarginOutput>>()).ToArray();
        _derived = new DerivedFeatures(manifest.Features, manifest.Derived);
        _calibrator = new ProbabilityCalibrator(manifest.CalibrationA, manifest.CalibrationB);
        Explainer = ModelExplainer.Load(ml, members, _derived, manifest.Features.Count, directory);
    }

    public ModelManifest Manifest { get; }

    /// <summary>Takes a margin apart by feature; null for a model that cannot be explained (linear, or saved without reference rows).</summary>
    public ModelExplainer? Explainer { get; }

    /// <summary>
    /// Writes a trained model to <paramref name="directory"/> (created). With
    /// <paramref name="referenceRows"/> (a sample of the training population), a tree model also
    /// gets the leaf covers its explanations need. The missing rates the promotion gate compares with
    /// the live panel come from <paramref name="missingRateRows"/> when given (the latest training
    /// months: their histories are as deep as the live panel's, unlike a window's first years), else
    /// from the reference rows; so does the training profile drift is measured against.
    /// </summary>
    public static ModelManifest Save(TrainedModel model, IReadOnlyList<string> features, string directory, string name,
        IReadOnlyDictionary<string, double> metrics, IReadOnlyList<float[]>? referenceRows = null, (string From, string To)? trainingWindow = null,
        ModelProvenance? provenance = null, IReadOnlyList<float[]>? missingRateRows = null)
    {
        var missingFrom = missingRateRows is { Count: > 0 } ? missingRateRows : referenceRows;
        if (model.Model is not MlNetEnsemble ensemble) throw new ArgumentException("Only ML.NET models can be saved.");
        Directory.CreateDirectory(directory);
        var schema = MlData.ToDataView(ensemble.Context, [], null, ensemble.FeatureNames.Count).Schema;
        for (var m = 0; m < ensemble.Members.Count; m++)
            ensemble.Context.Model.Save(ensemble.Members[m], schema, Path.Combine(directory, $"member-{m}.zip"));
        var manifest = new ModelManifest(name, model.Chosen, DateTimeOffset.UtcNow, features, model.Derived.Columns,
            model.Calibrator.A, model.Calibrator.B, model.Red.Threshold, model.Orange.Threshold, ensemble.Members.Count, metrics,
            trainingWindow?.From, trainingWindow?.To, missingFrom is { Count: > 0 } ? MissingRates(features, missingFrom) : null,
            provenance?.TrainingFingerprint, provenance?.CodeVersion,
            missingFrom is { Count: > 0 } ? TrainingProfile.Of(features, missingFrom, model.Probabilities(missingFrom)) : null);
        File.WriteAllText(Path.Combine(directory, "model.json"), JsonSerializer.Serialize(manifest, Json));
        if (referenceRows is { Count: > 0 }) ModelExplainer.WriteCovers(ensemble.Members, model.Derived, referenceRows, directory);
        return manifest;
    }

    /// <summary>Each feature's share of missing values (NaN) among <paramref name="rows"/>.</summary>
    public static Dictionary<string, double> MissingRates(IReadOnlyList<string> features, IReadOnlyList<float[]> rows)
    {
        var missing = new int[features.Count];
        foreach (var row in rows)
            for (var f = 0; f < missing.Length; f++)
                if (float.IsNaN(row[f])) missing[f]++;
        return features.Select((name, f) => (name, f)).ToDictionary(x => x.name, x => Math.Round((double)missing[x.f] / rows.Count, 4), StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds to a saved model the training profile of <paramref name="rows"/> (the rows its missing
    /// rates came from, in the manifest's feature order), scored by the model itself; rewrites
    /// model.json only, so the ML.NET members, and so the scores, stay as they were.
    /// </summary>
    public static ModelManifest WriteProfile(string directory, IReadOnlyList<float[]> rows)
    {
        var model = Load(directory);
        var probabilities = rows.Select(r => model.Score(r).Probability).ToArray();
        var manifest = model.Manifest with { Profile = TrainingProfile.Of(model.Manifest.Features, rows, probabilities) };
        File.WriteAllText(Path.Combine(directory, "model.json"), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    public static ScoringModel Load(string directory)
    {
        var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(Path.Combine(directory, "model.json")), Json)
            ?? throw new InvalidDataException($"{directory}/model.json is empty.");
        var ml = new MLContext(seed: 1);
        var members = Enumerable.Range(0, manifest.Members)
            .Select(m => ml.Model.Load(Path.Combine(directory, $"member-{m}.zip"), out _)).ToArray();
        return new ScoringModel(ml, manifest, members, directory);
    }

    /// <summary>The calibrated probability and level of a margin.</summary>
    public RiskScore FromMargin(double margin)
    {
        var probability = _calibrator.Probability(margin);
        var level = probability >= Manifest.RedThreshold ? AlertLevel.Red : probability >= Manifest.OrangeThreshold ? AlertLevel.Orange : AlertLevel.None;
        return new RiskScore(margin, probability, level);
    }

    /// <summary>Scores one row of the manifest's features (NaN = missing). Safe to call from many threads.</summary>
    public RiskScore Score(float[] features)
    {
        if (features.Length != Manifest.Features.Count) throw new ArgumentException($"{features.Length} values for {Manifest.Features.Count} features.");
        var row = new FeatureRow { Features = _derived.Apply(features) };
        var margin = 0.0;
        for (var m = 0; m < _members.Count; m++)
        {
            if (!_pools[m].TryTake(out var engine))
                engine = _ml.Model.CreatePredictionEngine<FeatureRow, MarginOutput>(_members[m], inputSchemaDefinition: MlData.InputSchema(row.Features.Length));
            try
            {
                margin += engine.Predict(row).Score;
            }
            finally
            {
                _pools[m].Add(engine);
            }
        }
        return FromMargin(margin / _members.Count);
    }
}
