using MassTransit;

namespace SignauxFaibles.IntegrationTests.Hosting;

/// <summary>Counts the messages one bus instance consumed successfully.</summary>
internal sealed class ConsumeCounter : IConsumeObserver
{
    private int _count;

    public int Count => _count;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
