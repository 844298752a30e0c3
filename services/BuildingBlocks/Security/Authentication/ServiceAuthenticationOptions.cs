namespace SignauxFaibles.Security.Authentication;

/// <summary>
/// Section <c>Authentication</c>: whom a service trusts to issue access tokens. Production names an
/// <see cref="Authority"/> (our Identity service or an external OIDC provider) whose discovery
/// document gives the issuer and signing keys; Development and Testing may add a symmetric key so
/// tokens can be minted without any issuer running.
/// </summary>
public sealed class ServiceAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>Issuer URL (e.g. http://127.0.0.1:5109/); its /.well-known/openid-configuration is read.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience our tokens carry (OpenIddict resource / Keycloak client audience).</summary>
    public string Audience { get; set; } = SfClaims.Audience;

    /// <summary>Discovery over plain HTTP is only acceptable on a developer machine or inside a cluster.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Base64 symmetric key (at least 32 bytes) accepted only in Development and Testing. Never
    /// committed: tests generate one per run, developers set it in user secrets or the environment.
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>Issuer written in tokens signed with <see cref="DevelopmentSigningKey"/>.</summary>
    public string DevelopmentIssuer { get; set; } = "urn:signaux-faibles:development";
}
