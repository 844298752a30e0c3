using RabbitMQ.Client;

namespace SignauxFaibles.Operations.DeadLetters;

/// <summary>
/// Messages taken from one error queue without acknowledging them: they stay the broker's until
/// <see cref="ReplayAsync"/> or <see cref="DiscardAsync"/> acknowledges one; the others go back to
/// their place in the queue when the session ends (or the process dies), so reading is harmless.
/// </summary>
public sealed class ErrorQueueSession : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Dictionary<DeadLetter, (ulong Tag, BasicProperties Properties)> _deliveryTags = new(ReferenceEqualityComparer.Instance);

    private ErrorQueueSession(IConnection connection, IChannel channel, string errorQueue)
    {
        _connection = connection;
        _channel = channel;
        ErrorQueue = errorQueue;
    }

    public string ErrorQueue { get; }

    public IReadOnlyCollection<DeadLetter> Taken => _deliveryTags.Keys;

    public static async Task<ErrorQueueSession> OpenAsync(ConnectionFactory factory, string errorQueue, CancellationToken ct)
    {
        var connection = await factory.CreateConnectionAsync(ct);
        try
        {
            // Confirms with tracking: a replay's publish returns once the broker has the message,
            // and throws if it was refused or could not be routed (mandatory).
            var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct);
            // Fails (404) before anything is read if the queue does not exist.
            await channel.QueueDeclarePassiveAsync(errorQueue, ct);
            return new ErrorQueueSession(connection, channel, errorQueue);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> messages, never more than the queue held when called: a
    /// message failing again during a replay comes back behind them and is not taken twice.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> TakeAsync(int max, CancellationToken ct)
    {
        var waiting = (await _channel.QueueDeclarePassiveAsync(ErrorQueue, ct)).MessageCount;
        var taken = new List<DeadLetter>();
        while (taken.Count < max && taken.Count < waiting)
        {
            var result = await _channel.BasicGetAsync(ErrorQueue, autoAck: false, ct);
            if (result is null) break;
            var letter = DeadLetterHeaders.Read(ErrorQueue, _deliveryTags.Count + 1, result.BasicProperties, result.Body);
            // Copied at once: the client may reuse the frame's buffers.
            _deliveryTags[letter] = (result.DeliveryTag, new BasicProperties(result.BasicProperties));
            taken.Add(letter);
        }
        return taken;
    }

    /// <summary>Sends a taken message back to its endpoint queue, then removes it from the error queue.</summary>
    public async Task ReplayAsync(DeadLetter letter, Func<Task> beforeRemoval, CancellationToken ct)
    {
        var (tag, original) = _deliveryTags[letter];
        var properties = new BasicProperties(original)
        {
            Headers = DeadLetterHeaders.ForReplay(original.Headers),
        };
        properties.Headers["SF-Replayed-At"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        properties.Headers["SF-Replayed-From"] = ErrorQueue;
        // The default exchange routes by queue name: exactly the endpoint's queue, not every subscriber
        // of the message type (a publish would also reach endpoints that handled it fine).
        await _channel.BasicPublishAsync(string.Empty, letter.Endpoint, mandatory: true, properties, letter.Body, ct);
        await beforeRemoval();
        await _channel.BasicAckAsync(tag, multiple: false, ct);
        _deliveryTags.Remove(letter);
    }

    /// <summary>Removes a taken message from the error queue for good.</summary>
    public async Task DiscardAsync(DeadLetter letter, Func<Task> beforeRemoval, CancellationToken ct)
    {
        var (tag, _) = _deliveryTags[letter];
        await beforeRemoval();
        await _channel.BasicAckAsync(tag, multiple: false, ct);
        _deliveryTags.Remove(letter);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Everything still taken goes back to the queue, in its place.
            if (_deliveryTags.Count > 0 && _channel.IsOpen) await _channel.BasicNackAsync(0, multiple: true, requeue: true);
            await _channel.CloseAsync();
        }
        finally
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
