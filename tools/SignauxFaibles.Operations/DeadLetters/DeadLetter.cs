namespace SignauxFaibles.Operations.DeadLetters;

/// <summary>
/// A message MassTransit parked in an <c>_error</c> queue: the original message, untouched, with the
/// fault it met (<c>MT-Fault-*</c> headers) and the endpoint it was meant for.
/// </summary>
/// <param name="Position">1-based place in the error queue when it was read.</param>
/// <param name="MessageId">The MassTransit MessageId: the consumers' inbox knows a message by it.</param>
/// <param name="Endpoint">The queue the message failed in, where a replay sends it back.</param>
public sealed record DeadLetter(
    string ErrorQueue,
    int Position,
    string MessageId,
    string MessageType,
    string Endpoint,
    string? ExceptionType,
    string? FaultMessage,
    string? StackTrace,
    DateTimeOffset? FaultedAt,
    string? ConsumerType,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    /// <summary>The body as text when it is UTF-8 JSON (MassTransit's envelope), else null.</summary>
    public string? BodyText => ContentType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase)
        ? System.Text.Encoding.UTF8.GetString(Body)
        : null;
}
