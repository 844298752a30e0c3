using System.Collections.Concurrent;
using MassTransit;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Groups;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>A downstream consumer of every source chunk event, counting records per batch.</summary>
public sealed class SourceRecordCounter(RecordTally tally) :
    IConsumer<ContributionDebtRecorded>,
    IConsumer<ContributionsDeclared>,
    IConsumer<PaymentPlanGranted>,
    IConsumer<CcsfPlanStepRecorded>,
    IConsumer<InsolvencyProceedingRecorded>,
    IConsumer<EstablishmentHeadcountReported>,
    IConsumer<CompanyHeadcountReported>,
    IConsumer<FinancialStatementFiled>,
    IConsumer<ShortTimeWorkRequested>,
    IConsumer<ShortTimeWorkConsumed>,
    IConsumer<LegalAnnouncementRecorded>,
    IConsumer<SupplierPaymentDelayReported>,
    IConsumer<GroupOwnershipReported>
{
    public Task Consume(ConsumeContext<ContributionDebtRecorded> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<ContributionsDeclared> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<PaymentPlanGranted> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<CcsfPlanStepRecorded> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<InsolvencyProceedingRecorded> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<EstablishmentHeadcountReported> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<CompanyHeadcountReported> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<FinancialStatementFiled> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<ShortTimeWorkRequested> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<ShortTimeWorkConsumed> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<LegalAnnouncementRecorded> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<SupplierPaymentDelayReported> context) => tally.Add(context.Message);
    public Task Consume(ConsumeContext<GroupOwnershipReported> context) => tally.Add(context.Message);
}

public sealed class RecordTally
{
    private readonly ConcurrentDictionary<Guid, int> _records = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> _sirets = new();
    private readonly ConcurrentDictionary<Guid, DataSource> _sources = new();

    public int For(Guid batchId) => _records.GetValueOrDefault(batchId);

    /// <summary>SIRETs carried by the débit steps received for a batch.</summary>
    public IReadOnlyList<string> SiretsOf(Guid batchId) => _sirets.TryGetValue(batchId, out var s) ? [.. s] : [];

    /// <summary>The source named by the chunks received for a batch.</summary>
    public DataSource? SourceOf(Guid batchId) => _sources.TryGetValue(batchId, out var s) ? s : null;

    public Task Add<TRecord>(ISourceChunk<TRecord> chunk)
        where TRecord : ISourceRecord
    {
        _sources[chunk.Provenance.BatchId] = chunk.Provenance.Source;
        _records.AddOrUpdate(chunk.Provenance.BatchId, chunk.Records.Count, (_, n) => n + chunk.Records.Count);
        foreach (var step in chunk.Records.OfType<ContributionDebtStep>())
        {
            if (step.Siret is { } siret) _sirets.GetOrAdd(chunk.Provenance.BatchId, _ => new()).Enqueue(siret.Value);
        }
        return Task.CompletedTask;
    }
}
