using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Redelivery;
using SignauxFaibles.Notifications.Data;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Consumes level changes in sets (up to 100, or what arrived within 20 ms) and writes their alerts
/// in one transaction with their inbox rows — the Messaging building block's inbox, applied to a
/// set: a message already handled (same MessageId) is skipped. When the set fails, each message is
/// tried alone, so a bad one is isolated (and redelivered alone) and its neighbours' alerts still go out.
/// </summary>
public sealed class RiskLevelChangedConsumer(NotificationsDbContext db, AlertWriter writer, Redeliveries redeliveries) : IConsumer<Batch<RiskLevelChanged>>
{
    private static readonly string ConsumerName = typeof(RiskLevelChangedConsumer).FullName!;

    public async Task Consume(ConsumeContext<Batch<RiskLevelChanged>> context)
    {
        var ct = context.CancellationToken;
        var byId = new Dictionary<Guid, ConsumeContext<RiskLevelChanged>>();
        foreach (var message in context.Message)
        {
            var id = message.MessageId ?? throw new InvalidOperationException("RiskLevelChanged has no MessageId; it cannot be deduplicated.");
            byId.TryAdd(id, message);
        }
        try
        {
            await HandleAsync([.. byId.Select(m => KeyValuePair.Create(m.Key, m.Value.Message))], ct);
            return;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
        }
        // One bad message must not hold its neighbours back, and MassTransit would send a failed set
        // to the error queue whole: each message alone, in its own transaction; one that still fails
        // goes its own way (delayed redelivery, then the error queue) and the set is acknowledged.
        foreach (var (id, message) in byId)
        {
            try
            {
                await HandleAsync([KeyValuePair.Create(id, message.Message)], ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                await redeliveries.HandleFailureAsync(message, ex);
            }
        }
    }

    private async Task HandleAsync(IReadOnlyList<KeyValuePair<Guid, RiskLevelChanged>> changes, CancellationToken ct)
    {
        // A failure rolls the whole set back: no savepoint needed around the save.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = changes.Select(c => c.Key).ToList();
        var handled = (await db.Set<InboxMessage>().Where(m => m.Consumer == ConsumerName && ids.Contains(m.MessageId))
            .Select(m => m.MessageId).ToListAsync(ct)).ToHashSet();
        var fresh = changes.Where(m => !handled.Contains(m.Key)).ToList();
        var now = DateTimeOffset.UtcNow;
        db.Set<InboxMessage>().AddRange(fresh.Select(m => new InboxMessage { MessageId = m.Key, Consumer = ConsumerName, HandledAt = now }));
        await writer.WriteAsync(fresh.Select(m => m.Value).ToList(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        MessagingMetrics.InboxDuplicates.Add(changes.Count - fresh.Count);
        MessagingMetrics.InboxHandled.Add(fresh.Count);
    }
}

public sealed class RiskLevelChangedConsumerDefinition : RetryingConsumerDefinition<RiskLevelChangedConsumer>
{
    private const int SetSize = 100;
    private const int SetsInFlight = 4;

    public RiskLevelChangedConsumerDefinition() =>
        Endpoint(e =>
        {
            e.PrefetchCount = SetSize * SetsInFlight;
            e.ConcurrentMessageLimit = SetSize * SetsInFlight;
        });

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RiskLevelChangedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        // 20 ms of waiting costs nothing to an officer and saves one transaction per change under load.
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(SetSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(SetsInFlight));
    }
}
