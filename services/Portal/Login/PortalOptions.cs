namespace SignauxFaibles.Portal.Login;

/// <summary>Section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The identity service (or the external provider standing for it) officers sign in with.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The portal's public client at the issuer (authorization code + PKCE, no secret).</summary>
    public string ClientId { get; set; } = "portal";

    /// <summary>Off only on a developer's machine, where the issuer answers over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The gateway the portal calls the services through, with the officer's own token.</summary>
    public Uri? Gateway { get; set; }

    /// <summary>
    /// Proxies (IP addresses) whose X-Forwarded-* headers are trusted, besides loopback: the gateway
    /// publishes the portal under /portal and the sign-in callback must name that address.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
