using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SignauxFaibles.Messaging.Redelivery;

/// <summary>
/// Outside the immediate retries: a message whose handling still fails is sent, unchanged (same
/// MessageId, headers kept, <c>MT-Redelivery-Count</c> + 1), to its endpoint's waiting queue for
/// the next delay, and acknowledged once the broker has confirmed that copy. After the last delay
/// the failure goes on to the error queue. The handler's transaction was rolled back, so the
/// consumer's inbox takes the redelivered message as new.
/// </summary>
/// <remarks>
/// Written here because MassTransit's delayed redelivery on RabbitMQ needs the delayed-message
/// exchange plugin, which the Debian broker lacks and RabbitMQ no longer maintains (ADR 0020).
/// </remarks>
public sealed partial class DelayedRedeliveryFilter<T>(
    IWaitingQueues waitingQueues,
    IOptions<DelayedRedeliveryOptions> options,
    ILogger<DelayedRedeliveryFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("delayedRedelivery");

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (!PermanentFailures.Includes(ex) && !context.CancellationToken.IsCancellationRequested
                                   && NextDelay(context) is { } delay)
        {
            var queue = InputQueue(context);
            var redelivery = context.GetRedeliveryCount() + 1;
            var address = await waitingQueues.PrepareAsync(queue, delay, context.CancellationToken);
            var endpoint = await context.GetSendEndpoint(address);
            await context.Forward(endpoint, Pipe.Execute<SendContext<T>>(send =>
            {
                send.MessageId = context.MessageId;
                send.Headers.Set(MessageHeaders.RedeliveryCount, redelivery);
            }));
            // Handled for this delivery: without it MassTransit would also move the message to _skipped.
            await context.NotifyConsumed(context, context.ReceiveContext.ElapsedTime, "delayed-redelivery");
            MessagingMetrics.Redelivered.Add(1, new KeyValuePair<string, object?>("queue", queue));
            LogRedelivery(ex, context.MessageId, queue, delay, redelivery, options.Value.EffectiveDelays.Count);
        }
    }

    private TimeSpan? NextDelay(ConsumeContext context)
    {
        var delays = options.Value.EffectiveDelays;
        var done = context.GetRedeliveryCount();
        return done < delays.Count ? delays[done] : null;
    }

    private static string InputQueue(ConsumeContext context) =>
        context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on {Queue} after its immediate retries; delivered again in {Delay} (redelivery {Redelivery} of {Max})")]
    private partial void LogRedelivery(Exception exception, Guid? messageId, string queue, TimeSpan delay, int redelivery, int max);
}
