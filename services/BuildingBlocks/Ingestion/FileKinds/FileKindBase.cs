using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>What every file kind has: a name, a source, a file-name pattern, a parser; kinds differ in what becomes of their records.</summary>
public abstract class FileKindBase<TRecord>(string name, DataSource source, Regex fileNamePattern, IRecordParser parser) : IFileKind
    where TRecord : class, ISourceRecord
{
    public string Name => name;

    public DataSource Source => source;

    public Type RecordType => typeof(TRecord);

    public IRecordParser Parser => parser;

    public bool MatchesFileName(string fileName) => fileNamePattern.IsMatch(Path.GetFileName(fileName));

    public abstract object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records);
}
