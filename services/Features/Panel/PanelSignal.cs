namespace SignauxFaibles.Features.Panel;

/// <summary>Wakes the <see cref="PanelRefresher"/> when companies were marked, instead of waiting for its next poll.</summary>
public sealed class PanelSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
