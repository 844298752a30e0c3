using System.Diagnostics.Metrics;
using System.Globalization;
using SignauxFaibles.Modeling.Monitoring;

namespace SignauxFaibles.Scoring.Monitoring;

/// <summary>What the model monitor measured last, published whole so a scrape never mixes two measures.</summary>
public sealed record ModelWatch(
    string Version,
    int LiveCompanies,
    IReadOnlyList<FeatureDrift> Features,
    IReadOnlyList<MonthScores> Months,
    IReadOnlyList<RegionAlerts> Regions,
    DateTimeOffset MeasuredAt);

/// <summary>
/// The model monitor's gauges (meter <c>SignauxFaibles.Scoring</c>), read by the scoring dashboard
/// and the rules of group <c>signaux-faibles-model</c>. Feature gauges describe the latest months
/// of the live companies; month gauges carry a <c>month</c> label; the latest month's score index
/// and the régions' alerted counts have gauges of their own, for rules.
/// </summary>
public static class MonitoringMetrics
{
    private static readonly Meter Meter = new(ScoringMetrics.MeterName);
    private static ModelWatch? _watch;

    public static void Publish(ModelWatch watch) => _watch = watch;

    private static IEnumerable<Measurement<T>> Each<T>(Func<ModelWatch, IEnumerable<Measurement<T>>> read) where T : struct =>
        _watch is { } watch ? read(watch) : [];

    private static KeyValuePair<string, object?> Tag(string name, object value) => new(name, value);

    static MonitoringMetrics()
    {
        Meter.CreateObservableGauge("sf.model.feature.psi", () => Each(w => w.Features.Where(f => f.StabilityIndex is not null)
            .Select(f => new Measurement<double>(f.StabilityIndex!.Value, Tag("feature", f.Feature)))),
            description: "Population stability index of each feature, live companies against the active model's training rows.");
        Meter.CreateObservableGauge("sf.model.feature.missing_rate", () => Each(w => w.Features.SelectMany(f => new[]
            {
                new Measurement<double>(f.LiveMissing, Tag("feature", f.Feature), Tag("population", "live")),
                new Measurement<double>(f.TrainingMissing, Tag("feature", f.Feature), Tag("population", "training")),
            })), description: "Share of missing values of each feature, live and in training.");
        Meter.CreateObservableGauge("sf.model.live_companies", () => Each<long>(w => [new Measurement<long>(w.LiveCompanies, Tag("model_version", w.Version))]),
            description: "Live companies the feature gauges were measured on.");
        Meter.CreateObservableGauge("sf.model.score.psi", () => Each(w => w.Months.Count > 0 && w.Months[^1].StabilityIndex is { } index
                ? [new Measurement<double>(index, Tag("month", w.Months[^1].Month.ToString()))] : Array.Empty<Measurement<double>>()),
            description: "Population stability index of the latest scored month's probabilities against training.");
        Meter.CreateObservableGauge("sf.scoring.month.score_psi", () => Each(w => w.Months.Where(m => m.StabilityIndex is not null)
            .Select(m => new Measurement<double>(m.StabilityIndex!.Value, Tag("month", m.Month.ToString())))),
            description: "Population stability index of each scored month's probabilities against training.");
        Meter.CreateObservableGauge("sf.scoring.month.score_share", () => Each(w => w.Months.Where(m => m.Bands is not null)
            .SelectMany(m => m.Bands!.Shares.Select((share, band) => new Measurement<double>(share,
                Tag("month", m.Month.ToString()), Tag("band", band.ToString("D2", CultureInfo.InvariantCulture)))))),
            description: "Share of each month's scored companies in each band of the training probabilities (band 00: below the training's first decile).");
        Meter.CreateObservableGauge("sf.scoring.month.companies", () => Each(w => w.Months.SelectMany(m => m.Companies
            .Select(c => new Measurement<long>(c.Value, Tag("month", m.Month.ToString()), Tag("region", c.Key.Region), Tag("level", c.Key.Level.ToString()))))),
            description: "Scored companies of each month, by région and level.");
        Meter.CreateObservableGauge("sf.scoring.region.alerted", () => Each(w => w.Regions.SelectMany(r => new[]
            {
                new Measurement<long>(r.Latest, Tag("region", r.Region), Tag("period", "latest")),
                new Measurement<long>(r.Previous, Tag("region", r.Region), Tag("period", "previous")),
            })), description: "Red or orange (High or Moderate) companies of each région in the latest scored month and the one before.");
        Meter.CreateObservableGauge("sf.model.monitor.measured_at", () => Each<double>(w => [new Measurement<double>(w.MeasuredAt.ToUnixTimeMilliseconds() / 1000.0)]),
            unit: "s", description: "When the model monitor last measured (Unix time).");
    }

    /// <summary>Creates the gauges (the static constructor) before the first scrape.</summary>
    public static void Register() { }
}
