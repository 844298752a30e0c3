using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>A file kind whose records are <typeparamref name="TRecord"/>, published as <typeparamref name="TChunk"/>.</summary>
public sealed class FileKind<TRecord, TChunk>(
    string name,
    DataSource source,
    Regex fileNamePattern,
    IRecordParser parser,
    Func<RecordProvenance, IReadOnlyList<TRecord>, TChunk> createChunk) : FileKindBase<TRecord>(name, source, fileNamePattern, parser), IPublishedChunkKind
    where TRecord : class, ISourceRecord
    where TChunk : class, ISourceChunk<TRecord>
{
    public Type ChunkType => typeof(TChunk);

    public override object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records) =>
        createChunk(provenance, records.Cast<TRecord>().ToArray());
}
