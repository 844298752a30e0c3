using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SignauxFaibles.ServiceDefaults.Pipeline;

/// <summary>
/// The pipeline's lag by stage: how many items wait at a stage and the age of the oldest
/// (<c>sf.pipeline.waiting</c>, <c>sf.pipeline.oldest.age</c>, tag <c>stage</c>), sampled by
/// <see cref="PipelineStageSampler{TDbContext}"/>. Beside the outbox's own gauges and the broker's
/// queue depths, they say where a delivery is held up on its way to the officer.
/// </summary>
public static class PipelineMetrics
{
    public const string Name = TelemetryExtensions.Prefix + ".Pipeline";

    private static readonly Meter Meter = new(Name);

    private static readonly ConcurrentDictionary<string, StageBacklog> Stages = new(StringComparer.Ordinal);

    static PipelineMetrics()
    {
        Meter.CreateObservableGauge("sf.pipeline.waiting", () => Stages.Select(s => new Measurement<long>(s.Value.Waiting, Stage(s.Key))),
            "{item}", "Items waiting at a stage of the pipeline (batches to parse, companies to recompute, rescores, mails to send)");
        Meter.CreateObservableGauge("sf.pipeline.oldest.age", () => Stages.Select(s => new Measurement<double>(s.Value.OldestAgeSeconds, Stage(s.Key))),
            "s", "Age of the oldest item waiting at a stage (0 when none): grows when the stage is stuck or too slow");
    }

    public static void Record(string stage, StageBacklog backlog) => Stages[stage] = backlog;

    private static KeyValuePair<string, object?> Stage(string name) => new("stage", name);
}

/// <summary>What waits at a stage: how many items, and for how long the oldest has.</summary>
public readonly record struct StageBacklog(long Waiting, double OldestAgeSeconds)
{
    public static StageBacklog Of(long waiting, DateTimeOffset? oldest, DateTimeOffset now) =>
        new(waiting, oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
}
