using System.Diagnostics;
using SignauxFaibles.Features.Panel;

namespace SignauxFaibles.UnitTests.Features;

/// <summary>A panel refresh continues the trace of the delivery that marked its companies, so a delivery reads as one trace.</summary>
public sealed class PanelTraceTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        // By name: the source may be created (PanelTrace first used) after the listener.
        ShouldListenTo = source => source.Name == SignauxFaibles.Features.FeaturesMetrics.MeterName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public PanelTraceTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void The_refresh_is_a_child_of_the_latest_marking_delivery_given_first_and_links_the_others()
    {
        const string first = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        const string second = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        using var activity = PanelTrace.Start([first, second, "not a traceparent"], companies: 3);

        Assert.NotNull(activity);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", activity.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", activity.ParentSpanId.ToHexString());
        Assert.Equal(["4bf92f3577b34da6a3ce929d0e0e4736"], activity.Links.Select(l => l.Context.TraceId.ToHexString()));
        Assert.Equal(3, activity.GetTagItem("sf.companies"));
    }

    [Fact]
    public void Companies_marked_outside_any_trace_start_a_trace_of_their_own()
    {
        using var activity = PanelTrace.Start([], companies: 1);

        Assert.NotNull(activity);
        Assert.Equal(default, activity.ParentSpanId);
        Assert.Empty(activity.Links);
    }

    public void Dispose() => _listener.Dispose();
}
