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
    Func<RecordProvenance, IReadOnlyList<TRecord>, TChunk> createChunk) : IFileKind
    where TRecord : class, ISourceRecord
    where TChunk : class, ISourceChunk<TRecord>
{
    public string Name => name;

    public DataSource Source => source;

    public Type RecordType => typeof(TRecord);

    public IRecordParser Parser => parser;

    public bool MatchesFileName(string fileName) => fileNamePattern.IsMatch(Path.GetFileName(fileName));

    public object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records) =>
        createChunk(provenance, records.Cast<TRecord>().ToArray());
}
