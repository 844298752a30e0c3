using SignauxFaibles.Operations.Metrics;

namespace SignauxFaibles.Operations.Pipeline;

/// <summary>What waits at a stage of the pipeline, and the age of the oldest item (the services' <c>sf.pipeline.*</c> gauges).</summary>
public sealed record StageLag(string Stage, long Waiting, TimeSpan OldestAge);

/// <summary>
/// The pipeline's lag by stage as the services report it, read from the metrics store (Prometheus:
/// <c>max by (stage)</c> over the instances) rather than measured again here: one definition of each stage.
/// </summary>
public sealed class PipelineLagReader(HttpClient prometheus)
{
    private readonly PrometheusQuery _query = new(prometheus);

    public async Task<IReadOnlyList<StageLag>> ReadAsync(CancellationToken ct)
    {
        var ages = ByStage(await _query.InstantAsync("max by (stage) (sf_pipeline_oldest_age_seconds)", ct));
        var waiting = ByStage(await _query.InstantAsync("max by (stage) (sf_pipeline_waiting)", ct));
        return ages.Keys.Union(waiting.Keys).Order(StringComparer.Ordinal)
            .Select(stage => new StageLag(stage, (long)waiting.GetValueOrDefault(stage), TimeSpan.FromSeconds(ages.GetValueOrDefault(stage))))
            .ToList();
    }

    private static Dictionary<string, double> ByStage(IReadOnlyList<MetricSample> samples) =>
        samples.ToDictionary(s => s.Label("stage"), s => s.Value, StringComparer.Ordinal);
}
