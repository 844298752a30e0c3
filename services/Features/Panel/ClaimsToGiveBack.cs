namespace SignauxFaibles.Features.Panel;

/// <summary>
/// The companies of a failed batch go back to the queue at once rather than when their claim
/// expires. When the database is away for that too, they are kept and given back before the next
/// claim (found by sf ops chaos: a PostgreSQL restart left companies unrecomputed for the five
/// minutes of their claim).
/// </summary>
public sealed class ClaimsToGiveBack
{
    private string[] _pending = [];

    public IReadOnlyList<string> Pending => _pending;

    /// <summary>Before a claim: gives back what a failed batch could not; if that fails too, they stay pending.</summary>
    public async Task GiveBackPendingAsync(Func<string[], Task> unclaim)
    {
        if (_pending.Length == 0) return;
        await unclaim(_pending);
        _pending = [];
    }

    /// <summary>After a failed batch: gives its companies back now, or keeps them for the next batch.</summary>
    public async Task GiveBackAsync(string[] sirens, Func<string[], Task> unclaim)
    {
        try
        {
            await unclaim(sirens);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _pending = [.. _pending, .. sirens];
        }
    }
}
