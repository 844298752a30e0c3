using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>
/// A file of reference data the service keeps for itself (e.g. URSSAF's account → SIRET map):
/// parsed and reported like any file, stored by the service's <see cref="Intake.IChunkRouter"/>, never published.
/// </summary>
public sealed class ReferenceFileKind<TRecord>(string name, DataSource source, Regex fileNamePattern, IRecordParser parser) : IFileKind
    where TRecord : class, ISourceRecord
{
    public string Name => name;

    public DataSource Source => source;

    public Type RecordType => typeof(TRecord);

    public IRecordParser Parser => parser;

    public bool MatchesFileName(string fileName) => fileNamePattern.IsMatch(Path.GetFileName(fileName));

    public object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records) =>
        throw new InvalidOperationException($"{name} records are reference data: they are stored, not published.");
}
