using MassTransit;

namespace SignauxFaibles.Messaging;

/// <summary>
/// The platform's retry policy: an immediate retry, then growing intervals (covers optimistic
/// concurrency conflicts and short database or broker outages); after that MassTransit moves the
/// message with its fault to the endpoint's <c>_error</c> queue for an operator to replay.
/// </summary>
public class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<FormatException>();
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
