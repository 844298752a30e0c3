using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Serialization;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// Serialises an outbox row for the broker without turning its body back into an object: the
/// envelope is MassTransit's usual JSON envelope (same content type, same fields, so consumers see
/// no difference) and its <c>message</c> is the stored UTF-8 JSON, copied as is. Deserialising a
/// large chunk only to serialise it again was most of the relay's work.
/// </summary>
internal sealed class StoredJsonSerializer(byte[] body) : IMessageSerializer
{
    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public MessageBody GetMessageBody<T>(SendContext<T> context)
        where T : class =>
        new SystemTextJsonMessageBody<T>(context, SystemTextJsonMessageSerializer.Options, new JsonMessageEnvelope(context, new StoredJson(body)));

    /// <summary>Already-serialised JSON, written verbatim into the envelope.</summary>
    [JsonConverter(typeof(StoredJsonConverter))]
    internal sealed record StoredJson(byte[] Utf8);

    private sealed class StoredJsonConverter : JsonConverter<StoredJson>
    {
        public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Stored JSON is only written.");

        // The bytes were produced by System.Text.Json when the row was written: no need to validate them again.
        public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
