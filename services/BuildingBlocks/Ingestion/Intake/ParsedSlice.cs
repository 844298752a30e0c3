using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// A run of consecutive lines of a file, ready to be written: up to one chunk of records and the
/// rejects met on the way, with the counts the batch ledger keeps.
/// </summary>
/// <param name="LinesRead">Data lines the slice covers (a wide file's line yields several records but counts once).</param>
/// <param name="InvalidChecksums">Records whose SIREN/SIRET fails its Luhn check (accepted, but counted).</param>
/// <param name="RecordsJson">The records already serialised on the parsing thread, when the writer asked for it.</param>
public sealed record ParsedSlice(ISourceRecord[] Records, LineReject[] Rejects, LineReject[] Warnings, long LinesRead, long InvalidChecksums, byte[]? RecordsJson = null)
{
    /// <summary>Accepted lines that left an optional field empty (each counted once, whatever its warnings).</summary>
    public long LinesWithWarnings { get; init; }
}
