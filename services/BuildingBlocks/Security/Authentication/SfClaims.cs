namespace SignauxFaibles.Security.Authentication;

/// <summary>Claim names and values shared by the issuer (services/Identity), the gateway and the services.</summary>
public static class SfClaims
{
    /// <summary>The audience every access token for our APIs carries.</summary>
    public const string Audience = "signaux-faibles";

    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Name = "name";
    public const string Email = "email";

    /// <summary>Officer's institution (DREETS, URSSAF, BDF, …): present only in officer tokens.</summary>
    public const string Institution = "institution";

    /// <summary>One claim per data right: <see cref="Rights"/>.</summary>
    public const string Right = "right";

    /// <summary>One claim per habilitation: <c>national</c>, <c>dep:21</c>, <c>reg:27</c>.</summary>
    public const string Territory = "territory";

    /// <summary>
    /// When the officer last acknowledged the confidentiality terms (ISO 8601), written by the issuer
    /// at sign-in: every service refuses an officer without a valid one (Terms.ConfidentialityTerms).
    /// </summary>
    public const string TermsAcknowledgedAt = "terms_acknowledged_at";

    public const string NationalTerritory = "national";
    public const string DepartementPrefix = "dep:";
    public const string RegionPrefix = "reg:";

    /// <summary>Scope of the operators (audit log, dashboards, replays, recomputation).</summary>
    public const string OpsScope = "ops";

    /// <summary>Scopes of institutions pushing data: one per ingestion feed.</summary>
    public const string IngestScopePrefix = "ingest:";

    public static string IngestScope(string feed) => IngestScopePrefix + feed;
}

/// <summary>Data rights of officers (access.md): each confidential source needs its own.</summary>
public static class Rights
{
    public const string Urssaf = "urssaf";
    public const string Dgefp = "dgefp";
    public const string Bdf = "bdf";

    /// <summary>Tax returns (liasses fiscales): tax secrecy, unlike the accounts companies publish.</summary>
    public const string Dgfip = "dgfip";
    public const string Score = "score";

    public static readonly IReadOnlyList<string> All = [Urssaf, Dgefp, Bdf, Dgfip, Score];
}

/// <summary>
/// The ingestion feeds, one per institution or provider and one scope each (access.md: each pushes
/// only its own sources). Every file kind belongs to exactly one feed.
/// </summary>
public static class IngestFeeds
{
    public const string Urssaf = "urssaf";
    public const string Dgefp = "dgefp";
    public const string Insee = "insee";
    public const string BanqueDeFrance = "bdf";
    public const string Dgfip = "dgfip";

    /// <summary>Bureau van Dijk, publisher of Diane (published accounts).</summary>
    public const string BureauVanDijk = "bvd";
    public const string Altares = "altares";
    public const string Ellisphere = "ellisphere";

    public static readonly IReadOnlyList<string> All = [Urssaf, Dgefp, Insee, BanqueDeFrance, Dgfip, BureauVanDijk, Altares, Ellisphere];
}
