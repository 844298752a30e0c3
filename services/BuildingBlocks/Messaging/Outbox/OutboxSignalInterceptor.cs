using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>Signals the relay after a save that wrote outbox rows, and after every commit.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null &&
            context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            // Without an explicit transaction SaveChanges commits itself; wake the relay afterwards.
            context.SavedChanges += NotifyOnce;
        }
        return ValueTask.FromResult(result);
    }

    private void NotifyOnce(object? sender, SavedChangesEventArgs e)
    {
        signal.Notify();
        if (sender is DbContext context) context.SavedChanges -= NotifyOnce;
    }
}
