using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Builds a chunk event's JSON from its records' JSON, serialised beforehand on the parsing thread:
/// serialising a thousand records is the largest share of a batch writer's work, and the writer is
/// the thread the database waits on. The bytes are those System.Text.Json writes for the chunk
/// itself (<c>{"provenance":…,"records":[…]}</c>), so consumers cannot tell the difference.
/// </summary>
public static class ChunkJson
{
    private static readonly ConcurrentDictionary<Type, bool> Composable = new();

    /// <summary>Whether the chunk type is exactly a provenance followed by its records, as every source chunk is.</summary>
    public static bool CanCompose(Type chunkType) =>
        Composable.GetOrAdd(chunkType, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name).SequenceEqual([nameof(ISourceChunk<ISourceRecord>.Provenance), nameof(ISourceChunk<ISourceRecord>.Records)]));

    /// <summary>The records as a JSON array, each written as its own type (as inside the chunk).</summary>
    public static byte[] SerializeRecords(IReadOnlyList<ISourceRecord> records, Type recordType)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, records.Count * 512));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var record in records) JsonSerializer.Serialize(writer, record, recordType, OutboxJson.Options);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Compose(RecordProvenance provenance, byte[] recordsJson)
    {
        var options = OutboxJson.Options;
        var buffer = new ArrayBufferWriter<byte>(recordsJson.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Name(nameof(ISourceChunk<ISourceRecord>.Provenance), options));
            JsonSerializer.Serialize(writer, provenance, options);
            writer.WritePropertyName(Name(nameof(ISourceChunk<ISourceRecord>.Records), options));
            writer.WriteRawValue(recordsJson, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
