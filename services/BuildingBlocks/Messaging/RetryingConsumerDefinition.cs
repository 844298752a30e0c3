using MassTransit;
using SignauxFaibles.Messaging.Redelivery;

namespace SignauxFaibles.Messaging;

/// <summary>
/// The platform's retry policy: an immediate retry, then growing intervals up to ~9 s (optimistic
/// concurrency conflicts, a dropped connection), then delayed redelivery through the broker after
/// minutes (<see cref="DelayedRedeliveryFilter{T}"/>: a database failover or restart); after that
/// MassTransit moves the message with its fault to the endpoint's <c>_error</c> queue for an operator.
/// </summary>
public class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Configured first, so it runs outside the immediate retries.
        endpointConfigurator.UseConsumeFilter(typeof(DelayedRedeliveryFilter<>), context);
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore(PermanentFailures.Types);
            r.Intervals(
                TimeSpan.Zero,
                TimeSpan.FromMilliseconds(50),
                TimeSpan.FromMilliseconds(200),
                TimeSpan.FromMilliseconds(500),
                TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(2),
                TimeSpan.FromSeconds(5));
        });
    }
}
