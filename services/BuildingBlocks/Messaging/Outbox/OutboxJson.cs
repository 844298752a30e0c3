using System.Text.Json;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>How outbox bodies are serialised, for writers that serialise a body themselves.</summary>
public static class OutboxJson
{
    public static JsonSerializerOptions Options => MessageTypes.JsonOptions;
}
