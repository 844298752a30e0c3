using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>
/// A file of reference data the service keeps for itself (e.g. URSSAF's account → SIRET map):
/// parsed and reported like any file, stored by the service's <see cref="Intake.IChunkRouter"/>, never published.
/// </summary>
public sealed class ReferenceFileKind<TRecord>(string name, DataSource source, Regex fileNamePattern, IRecordParser parser)
    : FileKindBase<TRecord>(name, source, fileNamePattern, parser)
    where TRecord : class, ISourceRecord
{
    public override object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records) =>
        throw new InvalidOperationException($"{Name} records are reference data: they are stored, not published.");
}
