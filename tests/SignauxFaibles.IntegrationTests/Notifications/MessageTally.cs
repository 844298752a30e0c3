using MassTransit;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>Counts the messages of one type a bus consumed without fault (redeliveries recognised by the inbox included).</summary>
public sealed class MessageTally<T> : IConsumeMessageObserver<T>
    where T : class
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;
}
