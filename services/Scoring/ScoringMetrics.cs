using System.Diagnostics.Metrics;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Scoring;

/// <summary>The scoring service's own measures (meter <c>SignauxFaibles.Scoring</c>).</summary>
public static class ScoringMetrics
{
    public const string MeterName = "SignauxFaibles.Scoring";
    private static readonly Meter Meter = new(MeterName);
    private static string _activeVersion = "none";

    public static readonly Counter<long> Scores = Meter.CreateCounter<long>("sf.scoring.scores", description: "Companies scored, by level and by path (online, rescore).");
    public static readonly Counter<long> LevelChanges = Meter.CreateCounter<long>("sf.scoring.level_changes", description: "Companies whose alert level changed, by direction and new level.");
    public static readonly Histogram<double> ScoreDuration = Meter.CreateHistogram<double>("sf.scoring.score_duration", unit: "s", description: "Time to score and explain one company (online path).");

    /// <summary>1 for the version in use (label <c>version</c>), so a dashboard shows which model scores.</summary>
    public static readonly ObservableGauge<int> ActiveModel = Meter.CreateObservableGauge("sf.scoring.active_model",
        () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", _activeVersion)), description: "The model version in use.");

    public static void ModelActivated(string version) => _activeVersion = version;

    public static void Scored(RiskLevel level, string path, int count = 1) =>
        Scores.Add(count, new KeyValuePair<string, object?>("level", level.ToString()), new KeyValuePair<string, object?>("path", path));

    public static void Changed(RiskLevel from, RiskLevel to) =>
        LevelChanges.Add(1, new KeyValuePair<string, object?>("direction", to > from ? "up" : "down"), new KeyValuePair<string, object?>("level", to.ToString()));
}
