using MassTransit;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.Features.Facts;

/// <summary>
/// Any source chunk the panel reads: its records become facts of their companies, and the
/// companies whose facts changed wait for the <see cref="PanelRefresher"/>. Storing is cheap and
/// set-based, so a national delivery is absorbed at the broker's pace; recomputation follows.
/// </summary>
public sealed class SourceChunkConsumer<TChunk>(FeaturesDbContext db, FactStore store, PanelSignal signal)
    : IdempotentConsumer<TChunk, FeaturesDbContext>(db)
    where TChunk : class, ISourceChunk<ISourceRecord>
{
    protected override async Task HandleAsync(ConsumeContext<TChunk> context, CancellationToken ct)
    {
        var chunk = context.Message;
        var facts = new List<Fact>(chunk.Records.Count);
        foreach (var record in chunk.Records)
        {
            if (Fact.Of(record, chunk.Provenance.Source) is { } fact) facts.Add(fact);
        }
        // Woken early, the refresher finds nothing until the commit and then waits its next poll: harmless.
        if (await store.StoreAsync(facts, ct) > 0) signal.Notify();
    }
}

/// <summary>Retry policy of the platform, one queue per chunk type named after it.</summary>
public sealed class SourceChunkConsumerDefinition<TChunk> : RetryingConsumerDefinition<SourceChunkConsumer<TChunk>>
    where TChunk : class, ISourceChunk<ISourceRecord>
{
    public SourceChunkConsumerDefinition() =>
        EndpointName = "features-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(TChunk).Name);
}
