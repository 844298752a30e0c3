using MassTransit;

namespace SignauxFaibles.Messaging.Redelivery;

/// <summary>
/// Outside the immediate retries: a message whose handling still fails goes to its endpoint's
/// waiting queue for the next delay (<see cref="Redeliveries"/>) and is acknowledged once the
/// broker has confirmed that copy. After the last delay the failure goes on to MassTransit's error
/// queue. The handler's transaction was rolled back, so the consumer's inbox takes the redelivered
/// message as new.
/// </summary>
/// <remarks>
/// Written here because MassTransit's delayed redelivery on RabbitMQ needs the delayed-message
/// exchange plugin, which the Debian broker lacks and RabbitMQ no longer maintains (ADR 0020).
/// </remarks>
public sealed class DelayedRedeliveryFilter<T>(Redeliveries redeliveries) : IFilter<ConsumeContext<T>>
    where T : class
{
    // A batch consumer's set is not a message on the wire, and its failure does not reach each
    // message's pipe: batch consumers hand their failed messages to Redeliveries themselves.
    private static readonly bool IsBatch = typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(Batch<>);

    public void Probe(ProbeContext context) => context.CreateFilterScope("delayedRedelivery");

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (IsBatch)
        {
            await next.Send(context);
            return;
        }
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested && redeliveries.NextDelay(context, ex) is { } delay)
        {
            await redeliveries.RedeliverAsync(context, delay, ex);
            // Handled for this delivery: without it MassTransit would also move the message to _skipped.
            await context.NotifyConsumed(context, context.ReceiveContext.ElapsedTime, "delayed-redelivery");
        }
    }
}
