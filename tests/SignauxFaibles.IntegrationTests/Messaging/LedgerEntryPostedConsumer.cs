using MassTransit;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.IntegrationTests.Messaging;

public sealed class LedgerEntryPostedConsumer(LedgerDbContext db) : IdempotentConsumer<LedgerEntryPosted, LedgerDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<LedgerEntryPosted> context, CancellationToken cancellationToken)
    {
        var account = await Db.Accounts.FindAsync([context.Message.Account], cancellationToken);
        if (account is null)
        {
            account = new LedgerAccount { Id = context.Message.Account };
            Db.Accounts.Add(account);
        }
        account.Total += context.Message.Amount;
        account.Count++;
    }
}

public sealed class LedgerEntryPostedConsumerDefinition : RetryingConsumerDefinition<LedgerEntryPostedConsumer>;
