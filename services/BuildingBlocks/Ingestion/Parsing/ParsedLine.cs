using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// One data line of a file: a normalised record, or the reason it was rejected. An accepted line
/// may carry warnings (same shape as a reject): optional fields it could not read and left empty.
/// </summary>
public readonly record struct ParsedLine(long Line, ISourceRecord? Record, LineReject? Reject, IReadOnlyList<LineReject>? Warnings = null)
{
    public static ParsedLine Accepted(long line, ISourceRecord record, IReadOnlyList<LineReject>? warnings = null) =>
        new(line, record, null, warnings is { Count: > 0 } ? warnings : null);

    public static ParsedLine Rejected(LineReject reject) => new(reject.Line, null, reject);
}
