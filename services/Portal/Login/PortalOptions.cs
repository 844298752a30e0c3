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
    /// Where the portal lives, the same behind the gateway (route /portal/**, prefix kept) and when
    /// reached directly, so links and the sign-in callback never depend on the way in.
    /// </summary>
    public string PathBase { get; set; } = "/portal";

    /// <summary>
    /// Networks (CIDR, e.g. 10.0.0.0/8) of the proxies whose X-Forwarded-* headers are trusted,
    /// besides loopback: the sign-in callback must name the gateway's address, not the portal's own.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];
}
