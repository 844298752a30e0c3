using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.Operations.DeadLetters;

/// <summary>Reads what MassTransit 8 writes on a message it moves to an error queue.</summary>
internal static class DeadLetterHeaders
{
    public const string FaultPrefix = "MT-Fault-";
    public const string Reason = "MT-Reason";
    public const string HostPrefix = "MT-Host-";

    public static DeadLetter Read(string errorQueue, int position, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var headers = (properties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => Text(h.Value), StringComparer.OrdinalIgnoreCase);
        var bytes = body.ToArray();
        var envelope = ReadEnvelope(properties.ContentType, bytes);
        var messageId = properties.MessageId ?? envelope.MessageId ?? string.Empty;
        var messageType = headers.GetValueOrDefault("MT-MessageType") ?? envelope.MessageType ?? string.Empty;
        return new DeadLetter(
            errorQueue,
            position,
            messageId,
            messageType,
            EndpointOf(errorQueue, headers.GetValueOrDefault(FaultPrefix + "InputAddress")),
            headers.GetValueOrDefault(FaultPrefix + "ExceptionType"),
            headers.GetValueOrDefault(FaultPrefix + "Message"),
            headers.GetValueOrDefault(FaultPrefix + "StackTrace"),
            DateTimeOffset.TryParse(headers.GetValueOrDefault(FaultPrefix + "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            headers.GetValueOrDefault(FaultPrefix + "ConsumerType"),
            headers,
            properties.ContentType,
            bytes);
    }

    /// <summary>
    /// The queue to replay to: the last segment of the fault's input address
    /// (<c>rabbitmq://host/vhost/features-debit</c>), else the error queue's name without <c>_error</c>.
    /// </summary>
    public static string EndpointOf(string errorQueue, string? inputAddress)
    {
        if (Uri.TryCreate(inputAddress, UriKind.Absolute, out var address) && address.Segments.Length > 1)
        {
            var last = Uri.UnescapeDataString(address.Segments[^1].TrimEnd('/'));
            if (last.Length > 0) return last;
        }
        return ErrorQueues.EndpointOf(errorQueue);
    }

    /// <summary>The headers a replay keeps: the fault's own headers describe a failure that is over.</summary>
    public static Dictionary<string, object?> ForReplay(IDictionary<string, object?>? original)
    {
        var kept = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (original is null) return kept;
        foreach (var (key, value) in original)
        {
            if (key.StartsWith(FaultPrefix, StringComparison.OrdinalIgnoreCase)
                || key.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase)
                || key.Equals(Reason, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            kept[key] = value;
        }
        return kept;
    }

    // AMQP header values: strings arrive as bytes; tables and arrays are shown flattened.
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp ts => DateTimeOffset.FromUnixTimeSeconds(ts.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IEnumerable<object> list => string.Join(", ", list.Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static (string? MessageId, string? MessageType) ReadEnvelope(string? contentType, byte[] body)
    {
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase)) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var id = root.TryGetProperty("messageId", out var m) ? m.GetString() : null;
            var type = root.TryGetProperty("messageType", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0
                ? t[0].GetString()
                : null;
            return (id, type);
        }
        catch (JsonException)
        {
            // A body that is not the envelope is still shown and replayed as it is.
            return (null, null);
        }
    }
}
