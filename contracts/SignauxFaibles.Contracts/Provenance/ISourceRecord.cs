using MassTransit;

namespace SignauxFaibles.Contracts.Provenance;

/// <summary>
/// A fact from a source. <see cref="RecordKey"/> is its natural key in that source, identical
/// across re-uploads and replays, so consumers recognise a fact they already counted.
/// </summary>
[ExcludeFromTopology]
public interface ISourceRecord
{
    string RecordKey { get; }
}
