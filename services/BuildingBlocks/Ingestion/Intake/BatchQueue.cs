using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>Accepted batches waiting for the processor, and callers waiting for their end.</summary>
public sealed class BatchQueue
{
    private readonly Channel<(Guid BatchId, string Kind, ActivityContext Delivery)> _channel = Channel.CreateUnbounded<(Guid, string, ActivityContext)>();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Batch>> _waiters = new();

    /// <summary>Each batch with the trace of the delivery that brought it, so its processing continues that trace.</summary>
    public ChannelReader<(Guid BatchId, string Kind, ActivityContext Delivery)> Reader => _channel.Reader;

    /// <summary>Queues a batch; the returned task ends with the processed batch.</summary>
    public Task<Batch> EnqueueAsync(Guid batchId, string kind)
    {
        var waiter = _waiters.GetOrAdd(batchId, _ => new TaskCompletionSource<Batch>(TaskCreationOptions.RunContinuationsAsynchronously));
        _channel.Writer.TryWrite((batchId, kind, Activity.Current?.Context ?? default));
        return waiter.Task;
    }

    public void Completed(Batch batch)
    {
        if (_waiters.TryRemove(batch.Id, out var waiter)) waiter.TrySetResult(batch);
    }

    public void Failed(Guid batchId, Exception exception)
    {
        if (_waiters.TryRemove(batchId, out var waiter)) waiter.TrySetException(exception);
    }
}
