using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// Counts failed publications against their rows and parks a row once it has failed
/// <see cref="OutboxRelayOptions.ParkAfterFailures"/> times, so one unpublishable row (a renamed
/// type, a chunk over the broker's size limit) cannot stall the relay for ever. Only failures that
/// are the row's own count: while the broker is unreachable nothing is counted.
/// </summary>
public sealed partial class OutboxParking(IOptions<OutboxRelayOptions> options, TimeProvider clock, ILogger<OutboxParking> logger)
{
    public async Task RecordAsync(DbContext db, IReadOnlyList<(OutboxMessage Row, Exception Error)> failures, bool brokerReachable, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (row, error) in failures)
        {
            if (!brokerReachable && error is not UnpublishableMessageException) continue;
            var attempts = row.FailedAttempts + 1;
            var park = attempts >= options.Value.ParkAfterFailures;
            var reason = Describe(error);
            await db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.FailedAttempts, attempts)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ParkedAt, park ? now : null), ct);
            if (!park) continue;
            MessagingMetrics.OutboxParked.Add(1, new KeyValuePair<string, object?>("outbox", db.GetType().Name));
            LogParked(row.Id, row.MessageId, row.MessageType, attempts, reason);
        }
    }

    /// <summary>The exception chain's messages, outermost first, cut to the column's length.</summary>
    public static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException) messages.Add($"{e.GetType().Name}: {e.Message}");
        var text = string.Join(" → ", messages);
        return text.Length <= OutboxMessage.LastErrorLength ? text : text[..(OutboxMessage.LastErrorLength - 1)] + "…";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Id} (message {MessageId}, {MessageType}) parked after {Attempts} failed publications: {Reason}. The relay goes on; see sf ops outbox parked.")]
    private partial void LogParked(long id, Guid messageId, string messageType, int attempts, string reason);
}
