using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Security.Terms;

namespace SignauxFaibles.Testing;

/// <summary>
/// Access tokens for tests, signed with a development key made for this test run (services in
/// the Testing environment accept it through Authentication:DevelopmentSigningKey), so no
/// issuer needs to run.
/// </summary>
public static class TestTokens
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The settings a service under test needs to accept these tokens.</summary>
    public static IReadOnlyDictionary<string, string?> ServiceSettings { get; } = new Dictionary<string, string?>
    {
        [$"{ServiceAuthenticationOptions.Section}:{nameof(ServiceAuthenticationOptions.DevelopmentSigningKey)}"] = Convert.ToBase64String(Key),
    };

    /// <summary>
    /// What the tests that are not about access use: an operator holding every ingest scope who is
    /// also a national officer with every right, so each API answers as before authentication.
    /// </summary>
    public static string Platform { get; } = Mint(new Dictionary<string, object>
    {
        [SfClaims.Subject] = "test-platform",
        [SfClaims.ClientId] = "test-platform",
        [SfClaims.Scope] = string.Join(' ', [SfClaims.OpsScope, .. IngestFeeds.All.Select(SfClaims.IngestScope)]),
        [SfClaims.Institution] = "DGE",
        [SfClaims.Email] = "platform@tests.invalid",
        [SfClaims.Right] = Rights.All.ToArray(),
        [SfClaims.Territory] = new[] { SfClaims.NationalTerritory },
        [SfClaims.TermsAcknowledgedAt] = ConfidentialityTerms.Format(DateTimeOffset.UtcNow),
    });

    /// <summary>An institution's client-credentials token with the given scopes.</summary>
    public static string Institution(string clientId, params string[] scopes) => Mint(new Dictionary<string, object>
    {
        [SfClaims.Subject] = clientId,
        [SfClaims.ClientId] = clientId,
        [SfClaims.Scope] = string.Join(' ', scopes),
    });

    /// <summary>An operator's token (scope ops).</summary>
    public static string Operator(string subject = "test-operator") => Mint(new Dictionary<string, object>
    {
        [SfClaims.Subject] = subject,
        [SfClaims.ClientId] = "sf-ops",
        [SfClaims.Scope] = SfClaims.OpsScope,
    });

    /// <summary>
    /// An officer's token: territories as <c>dep:21</c>, <c>reg:27</c> or <c>national</c>; the
    /// confidentiality terms acknowledged now unless <paramref name="termsAcknowledgedAt"/> says when
    /// (<see cref="DateTimeOffset.MinValue"/>: never).
    /// </summary>
    public static string Officer(string subject, string institution, IEnumerable<string> rights, IEnumerable<string> territories, string? email = null,
        DateTimeOffset? termsAcknowledgedAt = null)
    {
        var claims = new Dictionary<string, object>
        {
            [SfClaims.Subject] = subject,
            [SfClaims.ClientId] = "sf-web",
            [SfClaims.Institution] = institution,
            [SfClaims.Email] = email ?? subject + "@tests.invalid",
            [SfClaims.Right] = rights.ToArray(),
            [SfClaims.Territory] = territories.ToArray(),
        };
        var at = termsAcknowledgedAt ?? DateTimeOffset.UtcNow;
        if (at != DateTimeOffset.MinValue) claims[SfClaims.TermsAcknowledgedAt] = ConfidentialityTerms.Format(at);
        return Mint(claims);
    }

    /// <summary>A token signed with another key: what a forged or foreign token looks like.</summary>
    public static string Foreign() => Handler.CreateToken(Descriptor(new Dictionary<string, object> { [SfClaims.Subject] = "intruder" },
        new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256)));

    private static string Mint(Dictionary<string, object> claims) =>
        Handler.CreateToken(Descriptor(claims, new SigningCredentials(new SymmetricSecurityKey(Key) { KeyId = "development" }, SecurityAlgorithms.HmacSha256)));

    private static SecurityTokenDescriptor Descriptor(Dictionary<string, object> claims, SigningCredentials credentials) => new()
    {
        Issuer = new ServiceAuthenticationOptions().DevelopmentIssuer,
        Audience = SfClaims.Audience,
        Claims = claims,
        // Long enough for the slowest test class; a test run never outlives it.
        Expires = DateTime.UtcNow.AddHours(6),
        SigningCredentials = credentials,
    };
}
