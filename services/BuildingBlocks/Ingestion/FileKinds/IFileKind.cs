using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>A kind of delivered file: how to recognise it, read it and publish its records.</summary>
public interface IFileKind
{
    /// <summary>Stable name used in URLs and on the command line, e.g. <c>urssaf-debit</c>.</summary>
    string Name { get; }

    DataSource Source { get; }

    /// <summary>Type of its records, for pushes of single records as JSON.</summary>
    Type RecordType { get; }

    /// <summary>Whether a delivered file name follows this kind's naming pattern.</summary>
    bool MatchesFileName(string fileName);

    IRecordParser Parser { get; }

    /// <summary>The chunk event carrying these records.</summary>
    object CreateChunk(RecordProvenance provenance, IReadOnlyList<ISourceRecord> records);
}
