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
        await ApplyAsync(Db, context.Message, cancellationToken);
        // Checked after the change, so a refusal proves the rollback.
        if (context.Message.Amount < 0) throw new InvalidOperationException("A ledger entry cannot be negative.");
    }

    /// <summary>Adds the entry to its account's total and count, in the caller's transaction.</summary>
    public static Task<int> ApplyAsync(LedgerDbContext db, LedgerEntryPosted entry, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO accounts (id, total, count) VALUES ({entry.Account}, {entry.Amount}, 1) ON CONFLICT (id) DO UPDATE SET total = accounts.total + excluded.total, count = accounts.count + 1",
            cancellationToken);
}

public sealed class LedgerEntryPostedConsumerDefinition : RetryingConsumerDefinition<LedgerEntryPostedConsumer>;
