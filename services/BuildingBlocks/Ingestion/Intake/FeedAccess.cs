using System.Security.Claims;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Who may deliver and read what in an ingestion service: a kind is delivered only with the scope
/// of its feed (<c>ingest:bdf</c> for Banque de France files, …); batches, rejects and pending
/// records are read by the feed that delivered them and by ops.
/// </summary>
public sealed class FeedAccess(FileKindCatalog catalog)
{
    /// <summary>The feeds whose files this service takes (several for a service hosting providers of one domain).</summary>
    public IReadOnlyList<string> Feeds { get; } = catalog.All.Select(k => k.Feed()).Distinct().ToList();

    public static string ScopeOf(IFileKind kind) => SfClaims.IngestScope(kind.Feed());

    public bool MayDeliver(ClaimsPrincipal user, IFileKind kind) => user.HasScope(ScopeOf(kind));

    /// <summary>Holds the scope of at least one feed of this service: may deliver here (ops do not deliver).</summary>
    public bool DeliversHere(ClaimsPrincipal user) => Feeds.Any(f => user.HasScope(SfClaims.IngestScope(f)));

    /// <summary>Holds the scope of at least one feed of this service (or ops): may ask what it takes.</summary>
    public bool Serves(ClaimsPrincipal user) =>
        user.HasScope(SfClaims.OpsScope) || Feeds.Any(f => user.HasScope(SfClaims.IngestScope(f)));

    /// <summary>The sources whose batches the caller may read: its own feeds' sources, all of them for ops.</summary>
    public IReadOnlyList<DataSource> ReadableSources(ClaimsPrincipal user) => catalog.All
        .Where(k => user.HasScope(SfClaims.OpsScope) || MayDeliver(user, k)).Select(k => k.Source).Distinct().ToList();

    public bool MayRead(ClaimsPrincipal user, DataSource source) => ReadableSources(user).Contains(source);
}
