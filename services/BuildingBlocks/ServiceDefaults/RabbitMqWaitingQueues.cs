using System.Collections.Concurrent;
using RabbitMQ.Client;
using SignauxFaibles.Messaging.Redelivery;

namespace SignauxFaibles.ServiceDefaults;

/// <summary>
/// Waiting queues on RabbitMQ: a fanout exchange and a queue of the same name
/// (<c>{endpoint}_delay_{seconds}s</c>), whose message TTL is the delay and whose dead-letter
/// exchange is the endpoint's own exchange, so an expired message goes back to its endpoint only.
/// One queue per delay: every message in it expires in arrival order (a classic queue expires from
/// its head). Declared on first use with the service's own broker user (a connection of its own,
/// because MassTransit cannot declare queue arguments on a send address).
/// </summary>
internal sealed class RabbitMqWaitingQueues(RabbitMqEndpoint endpoint, bool quorumQueues) : IWaitingQueues, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, bool> _declared = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<Uri> PrepareAsync(string inputQueue, TimeSpan delay, CancellationToken cancellationToken)
    {
        var name = WaitingQueue.NameOf(inputQueue, delay);
        if (!_declared.ContainsKey(name))
        {
            await DeclareAsync(name, inputQueue, delay, cancellationToken);
            _declared[name] = true;
        }
        return new Uri($"exchange:{name}");
    }

    public async Task<Uri> PrepareErrorQueueAsync(string inputQueue, CancellationToken cancellationToken)
    {
        var name = $"{inputQueue}_error";
        if (!_declared.ContainsKey(name))
        {
            // Usually there already (MassTransit declares it at the first fault): then left as it is.
            var exists = await WithChannelAsync(async channel =>
            {
                try
                {
                    await channel.QueueDeclarePassiveAsync(name, cancellationToken);
                    return true;
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    return false;
                }
            }, cancellationToken);
            if (!exists)
            {
                await WithChannelAsync(async channel =>
                {
                    var arguments = quorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
                    await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                    await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken);
                    await channel.QueueBindAsync(name, name, string.Empty, cancellationToken: cancellationToken);
                    return true;
                }, cancellationToken);
            }
            _declared[name] = true;
        }
        return new Uri($"exchange:{name}");
    }

    private Task DeclareAsync(string name, string inputQueue, TimeSpan delay, CancellationToken ct) =>
        WithChannelAsync(async channel =>
        {
            var arguments = new Dictionary<string, object?>
            {
                ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = inputQueue,
            };
            if (quorumQueues)
            {
                // Replicated like the endpoints, and dead-lettered at least once (quorum queues' default is at most once).
                arguments["x-queue-type"] = "quorum";
                arguments["x-dead-letter-strategy"] = "at-least-once";
                arguments["x-overflow"] = "reject-publish";
            }
            await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: ct);
            await channel.QueueBindAsync(name, name, string.Empty, cancellationToken: ct);
            return true;
        }, ct);

    /// <summary>A fresh channel on the shared connection (a refused passive declare closes its channel).</summary>
    private async Task<TResult> WithChannelAsync<TResult>(Func<IChannel, Task<TResult>> action, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null) await _connection.DisposeAsync();
                _connection = await new ConnectionFactory
                {
                    HostName = endpoint.Host, Port = endpoint.Port, VirtualHost = endpoint.VirtualHost,
                    UserName = endpoint.Username, Password = endpoint.Password,
                }.CreateConnectionAsync("waiting-queues", ct);
            }
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: ct);
            return await action(channel);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
