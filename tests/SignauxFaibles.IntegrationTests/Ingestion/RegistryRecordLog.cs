using System.Collections.Concurrent;
using MassTransit;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>A downstream consumer of every Sirene event, logging which record keys arrived under which event.</summary>
public sealed class RegistryRecordConsumer(RegistryRecordLog log) :
    IConsumer<EstablishmentRegistered>,
    IConsumer<EstablishmentChanged>,
    IConsumer<CompanyRegistered>,
    IConsumer<CompanyChanged>,
    IConsumer<EstablishmentPeriodsRecorded>
{
    public Task Consume(ConsumeContext<EstablishmentRegistered> context) => log.Add(context.Message);
    public Task Consume(ConsumeContext<EstablishmentChanged> context) => log.Add(context.Message);
    public Task Consume(ConsumeContext<CompanyRegistered> context) => log.Add(context.Message);
    public Task Consume(ConsumeContext<CompanyChanged> context) => log.Add(context.Message);
    public Task Consume(ConsumeContext<EstablishmentPeriodsRecorded> context) => log.Add(context.Message);
}

public sealed class RegistryRecordLog
{
    private readonly ConcurrentQueue<(Guid Batch, string Event, ISourceRecord Record)> _entries = new();

    /// <summary>Record keys received for a batch, with the event that carried each.</summary>
    public IReadOnlyList<(string Event, string Key)> Of(Guid batchId) =>
        _entries.Where(e => e.Batch == batchId).Select(e => (e.Event, e.Record.RecordKey)).ToList();

    /// <summary>The records received for a batch.</summary>
    public IReadOnlyList<ISourceRecord> RecordsOf(Guid batchId) => _entries.Where(e => e.Batch == batchId).Select(e => e.Record).ToList();

    public Task Add<TRecord>(ISourceChunk<TRecord> chunk)
        where TRecord : ISourceRecord
    {
        foreach (var record in chunk.Records) _entries.Enqueue((chunk.Provenance.BatchId, chunk.GetType().Name, record));
        return Task.CompletedTask;
    }
}
