namespace SignauxFaibles.Operations.Traces;

/// <summary>One span as the trace viewer returns it: ids, the service that emitted it, name, times and attributes (values as text).</summary>
public sealed record TraceSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, string> Attributes,
    bool Failed)
{
    public TimeSpan Duration => End - Start;
}
