using MassTransit;

namespace SignauxFaibles.Contracts.Provenance;

/// <summary>
/// Bulk facts travel in chunks (one message, many records of one kind) so a national file does
/// not cost one broker round-trip per row; a real-time push is a chunk of one.
/// </summary>
[ExcludeFromTopology]
public interface ISourceChunk<out TRecord>
    where TRecord : ISourceRecord
{
    RecordProvenance Provenance { get; }

    IReadOnlyList<TRecord> Records { get; }
}
