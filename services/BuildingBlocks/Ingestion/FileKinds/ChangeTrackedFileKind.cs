using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>
/// A stock file kind whose records are published only when new (<typeparamref name="TNewChunk"/>)
/// or changed (<typeparamref name="TChangedChunk"/>) since the service last published them.
/// </summary>
public sealed class ChangeTrackedFileKind<TRecord, TNewChunk, TChangedChunk>(
    string name,
    DataSource source,
    Regex fileNamePattern,
    IRecordParser parser,
    Func<RecordProvenance, IReadOnlyList<TRecord>, TNewChunk> createNew,
    Func<RecordProvenance, IReadOnlyList<TRecord>, TChangedChunk> createChanged,
    string? changeScope = null) : FileKindBase<TRecord>(name, source, fileNamePattern, parser), IChangeTrackedKind
    where TRecord : class, ISourceRecord
    where TNewChunk : class, ISourceChunk<TRecord>
    where TChangedChunk : class, ISourceChunk<TRecord>
{
    public string ChangeScope => changeScope ?? Name;

    public override object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records) =>
        createNew(provenance, records.Cast<TRecord>().ToArray());

    public object CreateChangedChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records) =>
        createChanged(provenance, records.Cast<TRecord>().ToArray());
}
