using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.Features.ContributionDebt;

/// <summary>Stores new debt steps and refreshes the debt months of the companies they touch.</summary>
public sealed class ContributionDebtRecordedConsumer(FeaturesDbContext db, DebtPanelUpdater panel)
    : IdempotentConsumer<ContributionDebtRecorded, FeaturesDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ContributionDebtRecorded> context, CancellationToken ct)
    {
        var chunk = context.Message;
        var keys = chunk.Records.Select(r => r.RecordKey).Distinct().ToArray();
        // RecordKey is the last line of defence: a re-delivered file or a replay adds nothing.
        var known = (await Db.DebtSteps.Where(s => keys.Contains(s.RecordKey)).Select(s => s.RecordKey).ToListAsync(ct)).ToHashSet();
        var fresh = chunk.Records
            .Where(r => known.Add(r.RecordKey))
            .Select(r => new DebtStep
            {
                RecordKey = r.RecordKey,
                Siren = r.Siren,
                AccountNumber = r.AccountNumber,
                PeriodFirst = r.Period.First,
                DebtLineNumber = r.DebtLineNumber,
                HistoryNumber = r.HistoryNumber,
                ProcessedOn = r.ProcessedOn,
                EffectiveMonth = OutstandingDebtCalculator.EffectiveMonth(r.ProcessedOn),
                EmployeeShare = r.EmployeeShare,
                EmployerShare = r.EmployerShare,
                BatchId = chunk.Provenance.BatchId,
            })
            .ToList();
        if (fresh.Count == 0) return;

        // Lock first, then write: whoever holds a company's lock sees every step committed before it.
        var companies = await panel.LockAsync(fresh.Select(s => s.Siren), ct);
        Db.DebtSteps.AddRange(fresh);
        await Db.SaveChangesAsync(ct);
        foreach (var company in companies)
        {
            await panel.RefreshAsync(company, ct);
        }
    }
}

public sealed class ContributionDebtRecordedConsumerDefinition : RetryingConsumerDefinition<ContributionDebtRecordedConsumer>;
