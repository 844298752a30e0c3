namespace SignauxFaibles.Messaging.Redelivery;

/// <summary>
/// The broker-side waiting rooms of delayed redelivery: one per endpoint queue and delay, holding a
/// message for the delay and then handing it back to the endpoint (RabbitMQ: a queue with a message
/// TTL whose dead-letter exchange is the endpoint's exchange). Waiting messages survive any restart
/// of the service; nothing is held in memory.
/// </summary>
public interface IWaitingQueues
{
    /// <summary>Makes sure the waiting queue of <paramref name="inputQueue"/> for <paramref name="delay"/> exists; returns the address to send to.</summary>
    Task<Uri> PrepareAsync(string inputQueue, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Makes sure the endpoint's error queue exists (as MassTransit declares it); returns the address to send to.</summary>
    Task<Uri> PrepareErrorQueueAsync(string inputQueue, CancellationToken cancellationToken);
}

/// <summary>How waiting queues are named: after their endpoint, so they fall under the service's broker permissions.</summary>
public static class WaitingQueue
{
    public const string Marker = "_delay_";

    public static string NameOf(string inputQueue, TimeSpan delay) => $"{inputQueue}{Marker}{(long)delay.TotalSeconds}s";
}
