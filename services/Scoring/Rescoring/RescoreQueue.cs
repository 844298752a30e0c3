using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Rescoring;

/// <summary>Queues rescoring runs in the database (so any instance may run them) and wakes the local worker.</summary>
public sealed class RescoreQueue(TimeProvider clock)
{
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Adds a queued run to <paramref name="db"/>; it is saved with the caller's changes.</summary>
    public RescoreRun Enqueue(ScoringDbContext db, string reason)
    {
        var run = new RescoreRun { Reason = reason, Status = RescoreStatus.Queued, RequestedAt = clock.GetUtcNow() };
        db.RescoreRuns.Add(run);
        return run;
    }

    public void Wake()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
