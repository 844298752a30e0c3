using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>One data line of a file: a normalised record, or the reason it was rejected.</summary>
public readonly record struct ParsedLine(long Line, ISourceRecord? Record, LineReject? Reject)
{
    public static ParsedLine Accepted(long line, ISourceRecord record) => new(line, record, null);

    public static ParsedLine Rejected(LineReject reject) => new(reject.Line, null, reject);
}
