namespace SignauxFaibles.ServiceDefaults;

/// <summary>Span attributes <c>sf ops trace</c> searches by, named once for the services and the tool.</summary>
public static class TraceTags
{
    /// <summary>The company a span is about: set on the span of a level change, under which its alert is routed.</summary>
    public const string Siren = "sf.siren";
}
