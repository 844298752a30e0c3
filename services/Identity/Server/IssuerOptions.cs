namespace SignauxFaibles.Identity.Server;

/// <summary>Section <c>Identity</c>.</summary>
public sealed class IssuerOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer URL written in tokens and discovery (what services set as Authentication:Authority).</summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// The signing and encryption keys (JSON), created at first start when missing. Production mounts
    /// it from a secret; without it, Development and Testing use keys that live as long as the process.
    /// </summary>
    public string? KeyFile { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Registered clients by client id: institutions (confidential), tools and the web front (public, PKCE).</summary>
    public Dictionary<string, ClientDefinition> Clients { get; set; } = [];

    /// <summary>Officers for a developer's machine (appsettings.Development.json); production uses the directory's events only.</summary>
    public List<DevelopmentOfficer> DevelopmentOfficers { get; set; } = [];

    /// <summary>A login form taking an officer's e-mail without a password: Development only, in place of ProConnect.</summary>
    public bool DevelopmentLogin { get; set; }

    /// <summary>
    /// Networks of the proxies in front of the issuer (an ingress, the gateway), in CIDR: their
    /// X-Forwarded-Proto tells that sign-in ran over TLS, so the login and antiforgery cookies are Secure.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];
}

public sealed class ClientDefinition
{
    public string? DisplayName { get; set; }

    /// <summary>Confidential clients only; from the environment or a secret store, never from a committed file.</summary>
    public string? Secret { get; set; }

    /// <summary>Public clients use authorization code + PKCE and have no secret.</summary>
    public bool Public { get; set; }

    /// <summary>Scopes a confidential client may obtain (ingest:urssaf, ops, …).</summary>
    public List<string> Scopes { get; set; } = [];

    public List<Uri> RedirectUris { get; set; } = [];
}

public sealed class DevelopmentOfficer
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string Institution { get; set; } = "";
    public List<string> Rights { get; set; } = [];
    public bool National { get; set; }
    public List<string> Departements { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<string> Roles { get; set; } = [];
}
