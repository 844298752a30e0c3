using MassTransit;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.IntegrationTests.Messaging;

public sealed class LedgerEntryPostedConsumer(LedgerDbContext db) : IdempotentConsumer<LedgerEntryPosted, LedgerDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<LedgerEntryPosted> context, CancellationToken cancellationToken)
    {
        // Applied first, so a refusal below must roll it back.
        var account = await Db.Accounts.FindAsync([context.Message.Account], cancellationToken);
        if (account is null)
        {
            account = new LedgerAccount { Id = context.Message.Account };
            Db.Accounts.Add(account);
        }
        account.Total += context.Message.Amount;
        account.Count++;
        await Db.SaveChangesAsync(cancellationToken);
        if (context.Message.Amount < 0) throw new InvalidOperationException("A ledger entry cannot be negative.");
    }
}

public sealed class LedgerEntryPostedConsumerDefinition : RetryingConsumerDefinition<LedgerEntryPostedConsumer>;
