using System.Collections.Concurrent;
using System.Text.Json;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>How outbox rows name and serialise contract types.</summary>
internal static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Version-less so a redeployed service can still relay rows written by the previous build.
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, n => Type.GetType(n, throwOnError: false)
            ?? throw new UnpublishableMessageException($"Outbox message type '{n}' cannot be loaded by this service."));
}
