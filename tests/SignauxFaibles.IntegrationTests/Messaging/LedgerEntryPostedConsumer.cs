using Microsoft.EntityFrameworkCore;
using MassTransit;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.IntegrationTests.Messaging;

public sealed class LedgerEntryPostedConsumer(LedgerDbContext db) : IdempotentConsumer<LedgerEntryPosted, LedgerDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<LedgerEntryPosted> context, CancellationToken cancellationToken)
    {
        // An atomic increment: applied twice it would count twice, so only the inbox stands between
        // a redelivery and a wrong total; and hot accounts never conflict (no retry storms).
        var (account, amount) = (context.Message.Account, context.Message.Amount);
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO accounts (id, total, count) VALUES ({account}, {amount}, 1) ON CONFLICT (id) DO UPDATE SET total = accounts.total + excluded.total, count = accounts.count + 1",
            cancellationToken);
        // Checked after the change, so a refusal proves the rollback.
        if (amount < 0) throw new InvalidOperationException("A ledger entry cannot be negative.");
    }
}

public sealed class LedgerEntryPostedConsumerDefinition : RetryingConsumerDefinition<LedgerEntryPostedConsumer>;
