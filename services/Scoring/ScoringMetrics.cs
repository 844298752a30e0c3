using System.Diagnostics;
using System.Diagnostics.Metrics;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Scoring;

/// <summary>
/// The scoring service's own measures (meter <c>SignauxFaibles.Scoring</c>), under the names the
/// Grafana scoring dashboard and the <c>LevelChangesFarAboveUsual</c> rule read.
/// </summary>
public static class ScoringMetrics
{
    public const string MeterName = "SignauxFaibles.Scoring";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>Spans of the scoring service's own steps (a level change, for <c>sf ops trace SIREN</c>).</summary>
    public static readonly ActivitySource Traces = new(MeterName);
    private static string _activeVersion = "none";
    private static IReadOnlyDictionary<RiskLevel, long> _byLevel = new Dictionary<RiskLevel, long>();

    public static readonly Counter<long> Scores = Meter.CreateCounter<long>("sf.scoring.scores", description: "Companies scored, by level and by path (online, rescore).");
    public static readonly Counter<long> LevelChanges = Meter.CreateCounter<long>("sf.scoring.level_changes", description: "Companies whose alert level changed.");
    public static readonly Histogram<double> ScoreDuration = Meter.CreateHistogram<double>("sf.scoring.score_duration", unit: "s",
        description: "Time to score and explain one company (online path; a chunk scored in one batch shares its time out).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    /// <summary>1 for the version in use, so a dashboard shows which model scores.</summary>
    public static readonly ObservableGauge<int> ModelInfo = Meter.CreateObservableGauge("sf.scoring.model_info",
        () => new Measurement<int>(1, new KeyValuePair<string, object?>("model_version", _activeVersion)), description: "The model version in use (value 1).");

    public static readonly ObservableGauge<long> Companies = Meter.CreateObservableGauge("sf.scoring.companies",
        () => _byLevel.Values.Sum(), description: "Companies with a standing (scored, or known and not scored).");

    public static readonly ObservableGauge<long> CompaniesByLevel = Meter.CreateObservableGauge("sf.scoring.companies_by_level",
        () => _byLevel.Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("level", l.Key.ToString()))),
        description: "Companies at each alert level.");

    public static void ModelActivated(string version) => _activeVersion = version;

    public static void Standings(IReadOnlyDictionary<RiskLevel, long> byLevel) => _byLevel = byLevel;

    public static void Scored(RiskLevel level, string path, int count = 1) =>
        Scores.Add(count, new KeyValuePair<string, object?>("level", level.ToString()), new KeyValuePair<string, object?>("path", path));

    public static void Changed(RiskLevel from, RiskLevel to) =>
        LevelChanges.Add(1, new KeyValuePair<string, object?>("level_from", from.ToString()), new KeyValuePair<string, object?>("level_to", to.ToString()));
}
