using MassTransit;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>
/// Counts the level changes the service consumed without fault (redeliveries recognised by the
/// inbox included), and the faults. Observed inside the service's bus: the broker's own queue
/// statistics lag by seconds. A change consumed in a set counts once its set has committed.
/// </summary>
public sealed class ChangeTally : IConsumeObserver
{
    private int _consumed;
    private int _faults;

    public int Consumed => Volatile.Read(ref _consumed);

    public int Faults => Volatile.Read(ref _faults);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is RiskLevelChanged) Interlocked.Increment(ref _consumed);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.Message is RiskLevelChanged or Batch<RiskLevelChanged>) Interlocked.Increment(ref _faults);
        return Task.CompletedTask;
    }
}
