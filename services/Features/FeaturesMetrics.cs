using System.Diagnostics.Metrics;

namespace SignauxFaibles.Features;

/// <summary>The feature service's own measures (meter <c>SignauxFaibles.Features</c>).</summary>
public static class FeaturesMetrics
{
    public const string MeterName = "SignauxFaibles.Features";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CompaniesRecomputed = Meter.CreateCounter<long>("sf.features.companies_recomputed", description: "Companies whose panel was recomputed.");
    public static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>("sf.features.panel_rows_written", description: "Panel rows written because their values changed.");
}
