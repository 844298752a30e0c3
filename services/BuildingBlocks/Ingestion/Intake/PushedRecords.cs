using System.Collections;
using System.Text.Json;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Pushes are batches without a file: their content id is <c>push-…</c>. The records pushed to a
/// stock kind are kept as JSON under that id, as a delivered file would be, because the stock's
/// current state may have to be read back from them (<see cref="Changes.StockState"/>).
/// </summary>
public static class PushedRecords
{
    public const string Prefix = "push-";

    public static string NewContentId() => $"{Prefix}{Guid.NewGuid():N}";

    public static bool IsPush(Batch batch) => batch.ContentSha256.StartsWith(Prefix, StringComparison.Ordinal);

    public static Task KeepAsync(RawFileStore files, string contentId, IReadOnlyList<ISourceRecord> records, IFileKind kind, CancellationToken ct)
    {
        var typed = Array.CreateInstance(kind.RecordType, records.Count);
        for (var i = 0; i < records.Count; i++) typed.SetValue(records[i], i);
        return files.KeepAsync(contentId, JsonSerializer.SerializeToUtf8Bytes(typed, kind.RecordType.MakeArrayType(), JsonSerializerOptions.Web), ct);
    }

    public static async Task<IReadOnlyList<ISourceRecord>> ReadAsync(Stream kept, IFileKind kind, CancellationToken ct)
    {
        var records = (IList?)await JsonSerializer.DeserializeAsync(kept, kind.RecordType.MakeArrayType(), JsonSerializerOptions.Web, ct);
        return records?.Cast<ISourceRecord>().ToList() ?? [];
    }
}
