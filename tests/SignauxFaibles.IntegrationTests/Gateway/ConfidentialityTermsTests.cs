using System.Net;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>
/// The confidentiality terms are enforced by the services themselves, whatever the client: an
/// officer's token without an acknowledgement, or with one over a year old, gets 403 with the
/// reason from every service holding company data, and the refusal is audited there.
/// </summary>
public sealed class ConfidentialityTermsTests
{
    [Fact]
    public async Task An_officer_without_acknowledged_terms_gets_403_with_the_reason_from_every_service()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        await using var features = Services.Features(env, "features");
        await using var scoring = Services.Scoring(env, "scoring");
        await using var notifications = Services.Notifications(env, "notifications", new Dictionary<string, string?>());
        var endpoints = new (IServiceProvider Services, HttpClient Client, string Path, Func<Task<List<AuditEntry>>> Refusals)[]
        {
            (features.Services, features.CreateClient(), "/api/follows", () => RefusalsAsync<SignauxFaibles.Features.Data.FeaturesDbContext>(features.Services)),
            (scoring.Services, scoring.CreateClient(), "/api/detection-list", () => RefusalsAsync<SignauxFaibles.Scoring.Data.ScoringDbContext>(scoring.Services)),
            (notifications.Services, notifications.CreateClient(), "/api/officers/me", () => RefusalsAsync<SignauxFaibles.Notifications.Data.NotificationsDbContext>(notifications.Services)),
        };
        var never = Officer("agent.sans.engagement", DateTimeOffset.MinValue);
        var lapsed = Officer("agent.engagement.ancien", DateTimeOffset.UtcNow.AddDays(-400));
        var valid = Officer("agent.engage", DateTimeOffset.UtcNow.AddDays(-10));

        foreach (var (_, client, path, refusals) in endpoints)
        {
            foreach (var (token, why) in new[] { (never, "has not acknowledged"), (lapsed, "over a year old") })
            {
                using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).As(token));
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{path}: {refused.StatusCode}");
                Assert.Contains(why, await refused.Content.ReadAsStringAsync());
            }
            using var allowed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).As(valid));
            Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
            var audited = await refusals();
            Assert.Equal(["agent.engagement.ancien", "agent.sans.engagement"], audited.Select(a => a.Actor).Order());
            Assert.All(audited, a => Assert.Equal($"GET {path}", a.Resource));
        }
    }

    private static string Officer(string subject, DateTimeOffset acknowledgedAt) =>
        TestTokens.Officer(subject, "DREETS", ["urssaf", "score"], ["dep:21"], termsAcknowledgedAt: acknowledgedAt);

    private static Task<List<AuditEntry>> RefusalsAsync<TDb>(IServiceProvider services) where TDb : DbContext =>
        Db.QueryAsync<TDb, List<AuditEntry>>(services, db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.TermsMissing).ToListAsync());
}
