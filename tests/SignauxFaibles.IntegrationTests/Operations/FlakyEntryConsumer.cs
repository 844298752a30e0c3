using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.IntegrationTests.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>Adds an entry to its account; refuses negative ones until the <see cref="PoisonSwitch"/> says the bug is fixed.</summary>
public sealed class FlakyEntryConsumer(LedgerDbContext db, PoisonSwitch poison) : IdempotentConsumer<LedgerEntryPosted, LedgerDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<LedgerEntryPosted> context, CancellationToken cancellationToken)
    {
        var (account, amount) = (context.Message.Account, context.Message.Amount);
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO accounts (id, total, count) VALUES ({account}, {amount}, 1) ON CONFLICT (id) DO UPDATE SET total = accounts.total + excluded.total, count = accounts.count + 1",
            cancellationToken);
        if (amount < 0 && !poison.Fixed) throw new InvalidOperationException($"Negative entry {amount} refused (the bug the test fixes).");
        // Counted once the handler succeeded; the inbox then commits (a failure afterwards is not expected here).
        poison.Handled(context.MessageId!.Value);
    }
}

/// <summary>One immediate retry, then the error queue: the test is about what happens there, not about the retry policy.</summary>
public sealed class FlakyEntryConsumerDefinition : ConsumerDefinition<FlakyEntryConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FlakyEntryConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Immediate(1));
}
