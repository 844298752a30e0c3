using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>
/// Keeps the account → SIRET map, completes records that name only an account, keeps those it
/// cannot resolve yet, and releases them when a map delivery resolves their account — all in the
/// batch's transaction, so nothing is lost or published twice.
/// </summary>
public sealed class UrssafChunkRouter(IOutbox outbox, FileKindCatalog catalog, TimeProvider clock) : IChunkRouter
{
    public async Task<RoutedChunk> RouteAsync(DbContext db, IFileKind kind, RecordProvenance provenance, IReadOnlyList<ISourceRecord> records, CancellationToken ct)
    {
        if (kind == UrssafFileKinds.Comptes)
        {
            await StoreLinksAsync(db, provenance, records.Cast<AccountSiretLink>().ToList(), ct);
            return new RoutedChunk([], 0, records.Count);
        }

        var needs = records.Select(r => (Record: r, Need: AccountResolution.Needed(r))).ToList();
        var accounts = needs.Where(n => n.Need is not null).Select(n => n.Need!.Value.Account).Distinct().ToArray();
        if (accounts.Length == 0) return RoutedChunk.PublishAll(records);

        var links = (await db.Set<AccountLink>().AsNoTracking().Where(l => accounts.Contains(l.AccountNumber)).ToListAsync(ct))
            .ToLookup(l => l.AccountNumber);
        var publish = new List<ISourceRecord>(records.Count);
        var pending = 0;
        foreach (var (record, need) in needs)
        {
            if (need is not { } n)
            {
                publish.Add(record);
            }
            else if (AccountResolution.Resolve(links[n.Account], n.Date) is { } siret)
            {
                publish.Add(AccountResolution.WithSiret(record, siret));
            }
            else
            {
                pending++;
                db.Set<PendingRecord>().Add(new PendingRecord
                {
                    BatchId = provenance.BatchId, FileKind = kind.Name, FileName = provenance.FileName, AccountNumber = n.Account,
                    Date = n.Date, Body = JsonSerializer.Serialize(record, record.GetType(), JsonSerializerOptions.Web), KeptAt = clock.GetUtcNow(),
                });
            }
        }
        return new RoutedChunk(publish, pending, 0);
    }

    private async Task StoreLinksAsync(DbContext db, RecordProvenance provenance, List<AccountSiretLink> links, CancellationToken ct)
    {
        // A link delivered again (same key) replaces the stored one: a later map may close it.
        var keys = links.Select(l => l.RecordKey).ToArray();
        await db.Set<AccountLink>().Where(l => keys.Contains(l.RecordKey)).ExecuteDeleteAsync(ct);
        db.Set<AccountLink>().AddRange(links.DistinctBy(l => l.RecordKey).Select(l => new AccountLink
        {
            RecordKey = l.RecordKey, AccountNumber = l.AccountNumber, Siren = l.Siren, Siret = l.Siret,
            ValidFrom = l.ValidFrom, ValidUntil = l.ValidUntil, BatchId = provenance.BatchId,
        }));
        await db.SaveChangesAsync(ct);
        await ReleasePendingAsync(db, links.Select(l => l.AccountNumber).Distinct().ToArray(), ct);
    }

    private async Task ReleasePendingAsync(DbContext db, string[] accounts, CancellationToken ct)
    {
        var waiting = await db.Set<PendingRecord>().Where(p => accounts.Contains(p.AccountNumber)).ToListAsync(ct);
        if (waiting.Count == 0) return;
        var links = (await db.Set<AccountLink>().AsNoTracking().Where(l => accounts.Contains(l.AccountNumber)).ToListAsync(ct))
            .ToLookup(l => l.AccountNumber);
        var released = new List<(PendingRecord Pending, ISourceRecord Record)>();
        foreach (var pending in waiting)
        {
            if (AccountResolution.Resolve(links[pending.AccountNumber], pending.Date) is not { } siret) continue;
            var kind = catalog.Find(pending.FileKind)!;
            var record = (ISourceRecord)JsonSerializer.Deserialize(pending.Body, kind.RecordType, JsonSerializerOptions.Web)!;
            released.Add((pending, AccountResolution.WithSiret(record, siret)));
        }
        // Published under their original batch (chunk number 0: released after the map arrived).
        foreach (var group in released.GroupBy(r => (r.Pending.BatchId, r.Pending.FileKind, r.Pending.FileName)))
        {
            var kind = catalog.Find(group.Key.FileKind)!;
            var provenance = new RecordProvenance(kind.Source, group.Key.BatchId, 0, group.Key.FileName);
            outbox.Publish(kind.CreateChunk(provenance, group.Select(r => r.Record).ToList()), group.Key.BatchId.ToString());
            var count = group.Count();
            await db.Set<Ingestion.Batches.Batch>().Where(b => b.Id == group.Key.BatchId)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.RecordsPending, x => x.RecordsPending - count)
                    .SetProperty(x => x.RecordsPublished, x => x.RecordsPublished + count), ct);
        }
        db.Set<PendingRecord>().RemoveRange(released.Select(r => r.Pending));
        await db.SaveChangesAsync(ct);
    }
}
