using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Changes;

/// <summary>
/// The current state of a change-tracked stock, read back from what was delivered: for each key of
/// the scope, the record of the batch that last published it, re-read from that batch's raw file
/// (or kept push). The fingerprint table says which batch and which content count, so no copy of
/// the records is kept beside the raw files. Source batches are read oldest first, one at a time.
/// </summary>
public sealed class StockState(DbContext db, RawFileStore files, FileKindCatalog catalog)
{
    private const int LookupSize = 5000;

    /// <summary>Every current record of the kind's scope, once each.</summary>
    /// <exception cref="InvalidDataException">A source batch can no longer be read (its raw file is gone).</exception>
    public async IAsyncEnumerable<ISourceRecord> ReadAsync(IChangeTrackedKind kind, [EnumeratorCancellation] CancellationToken ct)
    {
        var sourceIds = await db.Set<RecordFingerprint>().AsNoTracking()
            .Where(f => f.Scope == kind.ChangeScope).Select(f => f.BatchId).Distinct().ToListAsync(ct);
        var sources = await db.Set<Batch>().AsNoTracking()
            .Where(b => sourceIds.Contains(b.Id)).OrderBy(b => b.ReceivedAt).ToListAsync(ct);
        if (sources.Count != sourceIds.Count)
        {
            throw new InvalidDataException($"{sourceIds.Count - sources.Count} batch(es) named by the {kind.ChangeScope} fingerprints are missing from the ledger.");
        }
        foreach (var source in sources)
        {
            var sourceKind = catalog.Find(source.FileKind) as IChangeTrackedKind;
            if (sourceKind?.ChangeScope != kind.ChangeScope)
            {
                throw new InvalidDataException($"Batch {source.Id} ({source.FileKind}) is no longer a kind of the {kind.ChangeScope} stock.");
            }
            await foreach (var record in CurrentOfAsync(source, sourceKind, ct)) yield return record;
        }
    }

    /// <summary>The records of one source batch that still hold the content last published for their key.</summary>
    private async IAsyncEnumerable<ISourceRecord> CurrentOfAsync(Batch source, IChangeTrackedKind kind, [EnumeratorCancellation] CancellationToken ct)
    {
        var fingerprinter = new RecordFingerprinter();
        // A key delivered twice with the same content in one file counts once (128-bit hashes of keys,
        // not the keys themselves: a national stock's keys would not fit in memory as strings).
        var taken = new HashSet<UInt128>();
        var pending = new List<ISourceRecord>(LookupSize);
        await foreach (var record in RecordsOfAsync(source, kind, ct))
        {
            pending.Add(record);
            if (pending.Count < LookupSize) continue;
            foreach (var current in await CurrentAsync(pending)) yield return current;
            pending.Clear();
        }
        foreach (var current in await CurrentAsync(pending)) yield return current;

        async Task<List<ISourceRecord>> CurrentAsync(List<ISourceRecord> records)
        {
            if (records.Count == 0) return [];
            var known = await FingerprintLookup.ReadAsync(db, kind.ChangeScope, records.Select(r => r.RecordKey).Distinct(StringComparer.Ordinal).ToArray(), ct);
            return records.Where(r => known.TryGetValue(r.RecordKey, out var last) && last.BatchId == source.Id
                    && last.Fingerprint == fingerprinter.Fingerprint(r) && taken.Add(XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(r.RecordKey))))
                .ToList();
        }
    }

    private async IAsyncEnumerable<ISourceRecord> RecordsOfAsync(Batch source, IChangeTrackedKind kind, [EnumeratorCancellation] CancellationToken ct)
    {
        Stream file;
        try
        {
            file = files.Open(source.ContentSha256);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"The raw file of batch {source.Id} ({source.FileName}, {source.ReceivedAt:yyyy-MM-dd}) is gone; "
                + "deliver the stock again, then ask for the re-publication.", ex);
        }
        await using (file)
        {
            if (PushedRecords.IsPush(source))
            {
                foreach (var record in await PushedRecords.ReadAsync(file, kind, ct)) yield return record;
                yield break;
            }
            await using var delivered = await DeliveredFile.OpenAsync(file, ct);
            await foreach (var line in delivered.ParseAsync(kind.Parser, source.FileName, ct))
            {
                if (line.Record is { } record) yield return record;
            }
        }
    }
}
