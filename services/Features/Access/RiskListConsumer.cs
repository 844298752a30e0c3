using MassTransit;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Messaging;

namespace SignauxFaibles.Features.Access;

/// <summary>
/// Keeps each company's current alert level, the red/orange lists that open confidential data to
/// the officers of its zone. Idempotent without an inbox: an older announcement never overwrites a newer one.
/// </summary>
public sealed class RiskListConsumer(FeaturesDbContext db) : IConsumer<RiskLevelChanged>
{
    public async Task Consume(ConsumeContext<RiskLevelChanged> context)
    {
        var change = context.Message;
        var siren = change.Siren.Value;
        var listed = await db.ListedCompanies.FindAsync([siren], context.CancellationToken);
        if (listed is null)
        {
            db.ListedCompanies.Add(new ListedCompany { Siren = siren, Level = change.Level, ChangedAt = change.ChangedAt });
        }
        else if (listed.ChangedAt <= change.ChangedAt)
        {
            listed.Level = change.Level;
            listed.ChangedAt = change.ChangedAt;
        }
        // Two first announcements racing for a new company: the key violation fails one, whose
        // retry finds the row and compares dates.
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class RiskListConsumerDefinition : RetryingConsumerDefinition<RiskListConsumer>;
