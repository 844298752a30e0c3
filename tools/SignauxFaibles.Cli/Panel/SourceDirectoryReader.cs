using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Comptes;

namespace SignauxFaibles.Cli.Panel;

/// <summary>
/// Reads a folder of delivered files (as <c>sf synth</c> writes them, or as institutions deliver
/// them) with the ingestion services' own parsers and completes URSSAF records from the account
/// map, as the URSSAF ingestion service does, so the offline panel sees the facts the live
/// service receives. Files in path order: a key delivered twice keeps its later version.
/// </summary>
internal sealed class SourceDirectoryReader(FileKindCatalog catalog, TextWriter log)
{
    private const int RejectsShown = 20;

    public long Records { get; private set; }
    public long Rejects { get; private set; }
    public long Unresolved { get; private set; }
    public int Files { get; private set; }

    /// <param name="deliveredOn">Delivery day by file (path relative to <paramref name="input"/>, '/'-separated): its facts are known from then.</param>
    public async Task ReadAsync(DirectoryInfo input, Action<Fact> add, CancellationToken ct, IReadOnlyDictionary<string, DateOnly>? deliveredOn = null)
    {
        var files = input.EnumerateFiles("*", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetRelativePath(input.FullName, f.FullName), StringComparer.Ordinal)
            .Select(f => (File: f, Kind: catalog.Recognise(f.Name)))
            .ToList();
        foreach (var (file, _) in files.Where(f => f.Kind is null))
        {
            await log.WriteLineAsync($"sf panel: skipped {Path.GetRelativePath(input.FullName, file.FullName)} (not a source file)");
        }

        // The account map first: URSSAF records naming only an account are completed from it.
        var links = new List<AccountLink>();
        foreach (var (file, kind) in files.Where(f => f.Kind == UrssafFileKinds.Comptes))
        {
            await foreach (var record in ParseAsync(file, kind!, ct))
            {
                var l = (AccountSiretLink)record;
                links.Add(new AccountLink { RecordKey = l.RecordKey, AccountNumber = l.AccountNumber, Siren = l.Siren, Siret = l.Siret, ValidFrom = l.ValidFrom, ValidUntil = l.ValidUntil });
            }
        }
        var byAccount = links.DistinctBy(l => l.RecordKey).ToLookup(l => l.AccountNumber);

        foreach (var (file, kind) in files.Where(f => f.Kind is not null && f.Kind != UrssafFileKinds.Comptes))
        {
            DateOnly? known = deliveredOn?.TryGetValue(Path.GetRelativePath(input.FullName, file.FullName).Replace('\\', '/'), out var day) == true ? day : null;
            await foreach (var parsed in ParseAsync(file, kind!, ct))
            {
                var record = parsed;
                if (AccountResolution.Needed(record) is { } need)
                {
                    if (AccountResolution.Resolve(byAccount[need.Account], need.Date) is not { } siret)
                    {
                        Unresolved++;
                        continue;
                    }
                    record = AccountResolution.WithSiret(record, siret);
                }
                if (Fact.Of(record, kind!.Source) is { } fact) add(known is null ? fact : fact with { KnownOn = known });
            }
        }
    }

    private async IAsyncEnumerable<ISourceRecord> ParseAsync(FileInfo file, IFileKind kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Files++;
        await using var stream = file.OpenRead();
        await using var delivered = await DeliveredFile.OpenAsync(stream, ct);
        await foreach (var line in delivered.ParseAsync(kind.Parser, file.Name, ct))
        {
            if (line.Record is { } record)
            {
                Records++;
                yield return record;
            }
            else if (line.Reject is { } reject)
            {
                if (++Rejects <= RejectsShown) await log.WriteLineAsync($"sf panel: rejected {Describe(reject)}");
            }
        }
    }

    private static string Describe(LineReject r) =>
        $"{r.FileName} line {r.Line}" + (r.Column is { } c ? $" column {c}" + (r.ColumnName is { } n ? $" ({n})" : "") : "") + $": {r.Reason}";
}
