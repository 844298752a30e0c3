using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using SignauxFaibles.Security.Terms;

namespace SignauxFaibles.Security.Authentication;

/// <summary>
/// Named authorization policies. Every endpoint without one still needs an authenticated caller
/// (the fallback policy); health, metrics and OpenAPI are marked anonymous by ServiceDefaults.
/// </summary>
public static class SfPolicies
{
    /// <summary>An officer (a person with an institution claim).</summary>
    public const string Officer = "officer";

    /// <summary>An operator (scope <c>ops</c>).</summary>
    public const string Ops = "ops";

    /// <summary>An officer or an operator.</summary>
    public const string OfficerOrOps = "officer-or-ops";

    /// <summary>An officer holding the <c>score</c> right (with the terms), or an operator: lists and scores.</summary>
    public const string ScoresReader = "scores-reader";

    /// <summary>An institution client with any ingest scope, or an operator: reads of batch ledgers.</summary>
    public const string IngestOrOps = "ingest-or-ops";

    /// <summary>Any authenticated caller (what the gateway demands on every proxied route).</summary>
    public const string Authenticated = "authenticated";

    /// <summary>Policy requiring the scope of one ingestion feed, e.g. <c>ingest:urssaf</c>.</summary>
    public static string Ingest(string feed) => SfClaims.IngestScope(feed);

    internal static void Register(AuthorizationOptions options)
    {
        var authenticated = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.FallbackPolicy = authenticated;
        options.AddPolicy(Authenticated, authenticated);
        // Officers reach company data only with acknowledged confidentiality terms (the token says when).
        options.AddPolicy(Officer, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsOfficer(c.User))
            .AddRequirements(new AcknowledgedTermsRequirement()));
        options.AddPolicy(Ops, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(SfClaims.OpsScope)));
        options.AddPolicy(OfficerOrOps, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => IsOfficer(c.User) || c.User.HasScope(SfClaims.OpsScope))
            .AddRequirements(new AcknowledgedTermsRequirement()));
        options.AddPolicy(ScoresReader, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => IsOfficer(c.User) || c.User.HasScope(SfClaims.OpsScope))
            .AddRequirements(new AcknowledgedTermsRequirement(), new OfficerRightRequirement(Rights.Score)));
        options.AddPolicy(IngestOrOps, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.Scopes().Any(s => s.StartsWith(SfClaims.IngestScopePrefix, StringComparison.Ordinal) || s == SfClaims.OpsScope)));
        foreach (var feed in IngestFeeds.All)
        {
            options.AddPolicy(Ingest(feed), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(SfClaims.IngestScope(feed))));
        }
    }

    private static bool IsOfficer(ClaimsPrincipal user) => user.FindFirst(SfClaims.Institution) is not null;
}
