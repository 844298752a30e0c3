using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// A zip holding several files, delivered at once (a month's URSSAF files, say): each file becomes
/// its own batch, of the kind given for the upload or recognised from the file's name, as if it
/// had been delivered alone (rights checked per kind, same content again → its original batch).
/// A file that cannot become a batch is named in the answer with the reason; the others go on.
/// The archive itself stays in the raw store as delivered.
/// </summary>
internal sealed class ArchiveUpload(FileKindCatalog catalog, RawFileStore store, IBatchIngestor ingestor, BatchQueue queue, FeedAccess feeds, IAuditLog audit)
{
    public async Task<IResult> AcceptAsync(HttpContext http, StoredFile archive, string archiveName, IFileKind? kind, long maxBytes, bool wait, CancellationToken ct)
    {
        var accepted = new List<(Batch Batch, bool Duplicate, Task<Batch>? Processed)>();
        var refused = new List<ArchiveFileRefused>();
        await using (var file = store.Open(archive.Sha256))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in ArchiveFiles.Of(zip))
            {
                var name = Path.GetFileName(entry.FullName);
                var entryKind = kind ?? catalog.Recognise(name);
                if (entryKind is null)
                {
                    refused.Add(new(entry.FullName, $"its kind cannot be recognised from its name; deliver it alone with ?kind=. Kinds: {catalog.Names}."));
                    continue;
                }
                if (await FeedRefusal.CheckAsync(http, feeds, entryKind, $"{archiveName}/{name}", audit, ct) is { } reason)
                {
                    refused.Add(new(entry.FullName, reason));
                    continue;
                }
                StoredFile stored;
                try
                {
                    await using var content = new BoundedDecompressionStream(entry.Open(), file, DecompressionLimits.Default);
                    stored = await store.SaveAsync(content, maxBytes, ct);
                }
                catch (Exception ex) when (ex is FileRefusedException or FileTooLargeException or InvalidDataException)
                {
                    refused.Add(new(entry.FullName, ex.Message));
                    continue;
                }
                var (batch, duplicate) = await ingestor.AcceptFileAsync(stored, name, entryKind, ct);
                accepted.Add((batch, duplicate, duplicate ? null : queue.EnqueueAsync(batch.Id, entryKind.Name)));
            }
        }
        if (!wait) return Results.Accepted(value: Answer(archiveName, accepted.Select(a => BatchResponse.From(a.Batch, a.Duplicate)), refused));

        var outcomes = new List<BatchResponse>();
        foreach (var (batch, duplicate, processed) in accepted)
        {
            outcomes.Add(processed is null ? BatchResponse.From(batch, duplicate) : BatchResponse.From(await processed.WaitAsync(ct)));
        }
        var answer = Answer(archiveName, outcomes, refused);
        return refused.Count == 0 && outcomes.All(o => o.Status != nameof(BatchStatus.Failed))
            ? Results.Created((string?)null, answer)
            : Results.UnprocessableEntity(answer);
    }

    private static ArchiveResponse Answer(string archive, IEnumerable<BatchResponse> batches, List<ArchiveFileRefused> refused) => new(archive, [.. batches], refused);
}
