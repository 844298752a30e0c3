using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.Operations.DeadLetters;

/// <summary>
/// sf ops dead-letters: list the error queues, read their messages, replay them to the endpoint they
/// failed in, or purge them. Replays and purges are written to the audit log before the message
/// leaves the error queue.
/// </summary>
public sealed class DeadLetterOperations(BrokerAddress broker, OperationsAuditLog audit, string operatorName)
{
    /// <summary>The most messages one command reads from a queue (they are held unacknowledged meanwhile).</summary>
    public const int DefaultMax = 10_000;

    public async Task<IReadOnlyList<QueueStatistics>> ErrorQueuesAsync(CancellationToken ct = default)
    {
        using var management = new RabbitMqManagementClient(broker);
        return (await management.QueuesAsync(ct)).Where(q => q.IsErrorQueue).ToList();
    }

    /// <summary>Reads messages without removing them.</summary>
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string errorQueue, int max = DefaultMax, CancellationToken ct = default)
    {
        await using var session = await ErrorQueueSession.OpenAsync(broker.CreateConnectionFactory(), errorQueue, ct);
        return await session.TakeAsync(max, ct);
    }

    /// <summary>Sends the selected messages back to their endpoint queue, where they are consumed again.</summary>
    public Task<DeadLetterActionResult> ReplayAsync(string errorQueue, DeadLetterSelection selection, int max = DefaultMax, CancellationToken ct = default) =>
        ApplyAsync(errorQueue, selection, max, "replay", null, (session, letter, record) => session.ReplayAsync(letter, record, ct), ct);

    /// <summary>Removes the selected messages; the audit log keeps their envelope.</summary>
    public Task<DeadLetterActionResult> PurgeAsync(string errorQueue, DeadLetterSelection selection, string? reason, int max = DefaultMax, CancellationToken ct = default) =>
        ApplyAsync(errorQueue, selection, max, "purge", reason, (session, letter, record) => session.DiscardAsync(letter, record, ct), ct);

    private async Task<DeadLetterActionResult> ApplyAsync(
        string errorQueue,
        DeadLetterSelection selection,
        int max,
        string action,
        string? reason,
        Func<ErrorQueueSession, DeadLetter, Func<Task>, Task> apply,
        CancellationToken ct)
    {
        if (!errorQueue.EndsWith(ErrorQueues.Suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{errorQueue}' is not an error queue (its name must end with {ErrorQueues.Suffix}).", nameof(errorQueue));
        }
        await using var session = await ErrorQueueSession.OpenAsync(broker.CreateConnectionFactory(), errorQueue, ct);
        var taken = await session.TakeAsync(max, ct);
        var done = new List<DeadLetter>();
        var failed = new List<(DeadLetter, string)>();
        foreach (var letter in taken.Where(selection.Includes))
        {
            try
            {
                await apply(session, letter, () => audit.AppendAsync(Entry(action, letter, reason), ct));
                done.Add(letter);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left in the error queue (the session gives it back); the others still go.
                failed.Add((letter, ex.Message));
            }
        }
        var found = taken.Select(l => l.MessageId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notFound = selection.MessageIds.Where(id => !found.Contains(id)).ToList();
        return new DeadLetterActionResult(done, failed, notFound);
    }

    private AuditEntry Entry(string action, DeadLetter letter, string? reason) => new(
        DateTimeOffset.UtcNow,
        action,
        operatorName,
        Environment.MachineName,
        broker.VirtualHost,
        letter.ErrorQueue,
        letter.MessageId,
        letter.MessageType,
        action == "replay" ? letter.Endpoint : null,
        letter.FaultMessage is null ? letter.ExceptionType : $"{letter.ExceptionType}: {letter.FaultMessage}",
        reason,
        action == "purge" ? letter.BodyText ?? Convert.ToBase64String(letter.Body) : null);
}
