using System.Runtime.CompilerServices;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// A stock's whole current state published again, as a batch of its own (content id
/// <c>republication-…</c>, no file): its records go out as new records of the kind, so a consumer
/// added after the stock was delivered receives all of it. Consumers already served receive records
/// they hold and apply them as the same facts. The fingerprints stay as they were: the next delivery
/// is still compared with what was last delivered.
/// </summary>
public static class StockRepublication
{
    public const string Prefix = "republication-";

    public static string NewContentId() => $"{Prefix}{Guid.NewGuid():N}";

    public static string FileName(IChangeTrackedKind kind) => $"republication of {kind.Name}";

    public static bool Is(Batch batch) => batch.ContentSha256.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The state's records numbered as the lines of the batch.</summary>
    public static async IAsyncEnumerable<ParsedLine> AsLines(IAsyncEnumerable<ISourceRecord> records, [EnumeratorCancellation] CancellationToken ct)
    {
        long line = 0;
        await foreach (var record in records.WithCancellation(ct)) yield return ParsedLine.Accepted(++line, record);
    }
}
