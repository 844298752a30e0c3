using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SignauxFaibles.Notifications.Deliveries;

/// <summary>Wakes the sender when a transaction commits (it may have written deliveries) instead of waiting for the next poll.</summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_semaphore.CurrentCount == 0) _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake-up is enough, the sender drains everything due.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}

public sealed class DeliverySignalInterceptor(DeliverySignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();
}
