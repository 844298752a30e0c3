using System.Globalization;

namespace SignauxFaibles.Operations.Traces;

/// <summary>
/// A trace as an indented chain of spans (children under their parent, in time order), each with
/// its offset from the trace's start, its duration and its service; database statements left out
/// unless asked, since a delivery runs hundreds of them.
/// </summary>
public static class TraceTree
{
    public static IReadOnlyList<string> ServicesOf(IEnumerable<TraceSpan> spans) =>
        spans.Select(s => ShortName(s.Service)).Distinct(StringComparer.Ordinal).ToList();

    public static void Write(IReadOnlyList<TraceSpan> spans, TextWriter output, bool withDatabase)
    {
        if (spans.Count == 0) return;
        var shown = spans.Where(s => withDatabase || !IsDatabase(s)).ToList();
        var start = spans.Min(s => s.Start);
        var ids = shown.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = shown.ToLookup(s => s.ParentSpanId is { } p && ids.Contains(p) ? p : "");
        var services = ServicesOf(spans);
        var hidden = shown.Count < spans.Count ? $"; {spans.Count - shown.Count} database statements not shown" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace {spans[0].TraceId}: {spans.Count} spans, {services.Count} services ({string.Join(" → ", services)}), {(spans.Max(s => s.End) - start).TotalMilliseconds:N0} ms{hidden}"));
        foreach (var root in children[""].OrderBy(s => s.Start)) WriteBranch(root, 0);

        void WriteBranch(TraceSpan span, int depth)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(span.Start - start).TotalMilliseconds,9:N0} ms {span.Duration.TotalMilliseconds,8:N1} ms  {new string(' ', depth * 2)}{ShortName(span.Service)}: {span.Name}{(span.Failed ? "  [error]" : "")}"));
            foreach (var child in children[span.SpanId].OrderBy(s => s.Start)) WriteBranch(child, depth + 1);
        }
    }

    // db.system (older semantic conventions) or db.system.name (Npgsql 10).
    private static bool IsDatabase(TraceSpan span) => span.Attributes.Keys.Any(k => k.StartsWith("db.system", StringComparison.Ordinal));

    /// <summary>SignauxFaibles.Ingestion.Urssaf → ingestion.urssaf; other names as they are.</summary>
    public static string ShortName(string service) =>
        service.StartsWith("SignauxFaibles.", StringComparison.Ordinal) ? service["SignauxFaibles.".Length..].ToLowerInvariant() : service;
}
