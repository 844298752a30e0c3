using System.Diagnostics;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// A refresh batch continues the trace of the delivery that marked its companies (the latest of
/// them; the others are linked), so one delivery reads as one trace from the upload to the alert:
/// the IndicatorsUpdated the batch writes to the outbox carry it on to scoring.
/// </summary>
public static class PanelTrace
{
    public static readonly ActivitySource Source = new(FeaturesMetrics.MeterName);

    // A batch of a whole-panel recomputation may hold thousands of marks: a few links say enough.
    private const int MaxLinks = 16;

    public static Activity? Start(IReadOnlyList<string> traceParents, int companies)
    {
        var parents = traceParents.Select(t => ActivityContext.TryParse(t, null, out var c) ? c : (ActivityContext?)null)
            .Where(c => c is not null).Select(c => c!.Value).ToList();
        var links = parents.Skip(1).Take(MaxLinks).Select(c => new ActivityLink(c));
        var activity = Source.StartActivity("refresh panel", ActivityKind.Internal, parents.FirstOrDefault(), links: links);
        activity?.SetTag("sf.companies", companies);
        return activity;
    }
}
