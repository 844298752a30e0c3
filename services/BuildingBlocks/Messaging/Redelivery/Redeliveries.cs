using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SignauxFaibles.Messaging.Redelivery;

/// <summary>
/// Sends a failed message, unchanged (same MessageId, headers kept, <c>MT-Redelivery-Count</c> + 1),
/// to its endpoint's waiting queue for the next delay, or, once the delays are spent, to the
/// endpoint's error queue with MassTransit's fault headers (so <c>sf ops dead-letters</c> reads and
/// replays it like any other). Used by <see cref="DelayedRedeliveryFilter{T}"/> and by batch
/// consumers, whose failures MassTransit would otherwise send to the error queue set and all.
/// </summary>
public sealed partial class Redeliveries(IWaitingQueues waitingQueues, IOptions<DelayedRedeliveryOptions> options, ILogger<Redeliveries> logger)
{
    /// <summary>The wait before the next delivery, or null when the message has had them all (or cannot be cured by waiting).</summary>
    public TimeSpan? NextDelay(ConsumeContext context, Exception failure)
    {
        if (PermanentFailures.Includes(failure)) return null;
        var delays = options.Value.EffectiveDelays;
        var done = context.GetRedeliveryCount();
        return done < delays.Count ? delays[done] : null;
    }

    /// <summary>To the waiting queue when a delay is left, else to the error queue.</summary>
    public Task HandleFailureAsync<T>(ConsumeContext<T> context, Exception failure)
        where T : class =>
        NextDelay(context, failure) is { } delay ? RedeliverAsync(context, delay, failure) : DeadLetterAsync(context, failure);

    public async Task RedeliverAsync<T>(ConsumeContext<T> context, TimeSpan delay, Exception failure)
        where T : class
    {
        var queue = InputQueue(context);
        var redelivery = context.GetRedeliveryCount() + 1;
        var endpoint = await context.GetSendEndpoint(await waitingQueues.PrepareAsync(queue, delay, context.CancellationToken));
        await context.Forward(endpoint, Pipe.Execute<SendContext<T>>(send =>
        {
            send.MessageId = context.MessageId;
            send.Headers.Set(MessageHeaders.RedeliveryCount, redelivery);
        }));
        MessagingMetrics.Redelivered.Add(1, new KeyValuePair<string, object?>("queue", queue));
        LogRedelivery(failure, context.MessageId, queue, delay, redelivery, options.Value.EffectiveDelays.Count);
    }

    public async Task DeadLetterAsync<T>(ConsumeContext<T> context, Exception failure)
        where T : class
    {
        var queue = InputQueue(context);
        var endpoint = await context.GetSendEndpoint(await waitingQueues.PrepareErrorQueueAsync(queue, context.CancellationToken));
        await context.Forward(endpoint, Pipe.Execute<SendContext<T>>(send =>
        {
            send.MessageId = context.MessageId;
            send.Headers.Set(MessageHeaders.Reason, "fault");
            send.Headers.Set(MessageHeaders.FaultExceptionType, failure.GetType().FullName);
            send.Headers.Set(MessageHeaders.FaultMessage, failure.Message);
            send.Headers.Set(MessageHeaders.FaultStackTrace, failure.StackTrace);
            send.Headers.Set(MessageHeaders.FaultTimestamp, DateTimeOffset.UtcNow.ToString("O"));
            send.Headers.Set(MessageHeaders.FaultInputAddress, context.ReceiveContext.InputAddress.ToString());
            send.Headers.Set(MessageHeaders.FaultRedeliveryCount, context.GetRedeliveryCount());
        }));
        LogDeadLettered(failure, context.MessageId, queue);
    }

    private static string InputQueue(ConsumeContext context) =>
        context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on {Queue}; delivered again in {Delay} (redelivery {Redelivery} of {Max})")]
    private partial void LogRedelivery(Exception exception, Guid? messageId, string queue, TimeSpan delay, int redelivery, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} failed on {Queue} after its redeliveries: moved to {Queue}_error")]
    private partial void LogDeadLettered(Exception exception, Guid? messageId, string queue);
}
