using SignauxFaibles.Operations.Metrics;

namespace SignauxFaibles.Operations.Model;

/// <summary>A feature of the active model as the scoring service's monitor last measured it.</summary>
public sealed record FeatureWatch(string Feature, double? StabilityIndex, double? LiveMissing, double? TrainingMissing)
{
    public double? MissingGap => LiveMissing is { } live && TrainingMissing is { } trained ? Math.Abs(live - trained) : null;
}

/// <summary>The active model against its training: the features that moved most, and the latest scored month.</summary>
public sealed record ModelWatchSummary(string? Version, long LiveCompanies, IReadOnlyList<FeatureWatch> Features, string? LatestMonth, double? ScoreStabilityIndex);

/// <summary>
/// The model monitor's gauges (<c>sf_model_*</c>) read back from the metrics store for
/// <c>sf ops status</c>: the services measured, the tool only shows.
/// </summary>
public sealed class ModelWatchReader(HttpClient prometheus)
{
    private readonly PrometheusQuery _query = new(prometheus);

    public async Task<ModelWatchSummary> ReadAsync(CancellationToken ct)
    {
        var live = await _query.InstantAsync("max by (model_version) (sf_model_live_companies)", ct);
        var psi = await _query.InstantAsync("max by (feature) (sf_model_feature_psi)", ct);
        var missing = await _query.InstantAsync("max by (feature, population) (sf_model_feature_missing_rate)", ct);
        var score = (await _query.InstantAsync("max by (month) (sf_model_score_psi)", ct)).MaxBy(s => s.Label("month"));
        var features = psi.Select(s => s.Label("feature")).Union(missing.Select(s => s.Label("feature"))).Select(feature => new FeatureWatch(feature,
                psi.FirstOrDefault(s => s.Label("feature") == feature)?.Value,
                missing.FirstOrDefault(s => s.Label("feature") == feature && s.Label("population") == "live")?.Value,
                missing.FirstOrDefault(s => s.Label("feature") == feature && s.Label("population") == "training")?.Value))
            .ToList();
        var version = live.FirstOrDefault();
        return new ModelWatchSummary(version?.Label("model_version"), (long)(version?.Value ?? 0), features, score?.Label("month"), score?.Value);
    }
}
