using System.Diagnostics.Metrics;

namespace SignauxFaibles.Features;

/// <summary>The feature service's own measures (meter <c>SignauxFaibles.Features</c>).</summary>
public static class FeaturesMetrics
{
    public const string MeterName = "SignauxFaibles.Features";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CompaniesRecomputed = Meter.CreateCounter<long>("sf.features.companies_recomputed", description: "Companies whose panel was recomputed.");
    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("sf.features.refresh_batch_duration", unit: "s", description: "Duration of one recomputation batch, from claim to commit.");
    public static readonly Counter<long> SeriesWritten = Meter.CreateCounter<long>("sf.features.panel_series_written", description: "Panel series (a company's or an establishment's months) written because some month changed.");
}
