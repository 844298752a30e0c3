using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>
/// The feed (and so the client scope) each source belongs to: one institution or provider per
/// source, so a file kind belongs to exactly one feed (access.md: each pushes only its own).
/// </summary>
public static class SourceFeeds
{
    public static string Of(DataSource source) => source switch
    {
        DataSource.Urssaf => IngestFeeds.Urssaf,
        DataSource.Dgefp => IngestFeeds.Dgefp,
        DataSource.Insee => IngestFeeds.Insee,
        DataSource.BanqueDeFrance => IngestFeeds.BanqueDeFrance,
        DataSource.Dgfip => IngestFeeds.Dgfip,
        DataSource.Diane => IngestFeeds.BureauVanDijk,
        DataSource.Altares => IngestFeeds.Altares,
        DataSource.Ellisphere => IngestFeeds.Ellisphere,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "A source without a feed cannot be delivered."),
    };

    public static string Feed(this IFileKind kind) => Of(kind.Source);
}
