using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>The registry over the real database: first promotion scores what arrived before it; promotion then rollback restores the earlier version's scores.</summary>
public sealed class ModelLifecycleTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task Promotion_rescores_everything_and_rollback_restores_the_previous_versions_scores()
    {
        var companies = Enumerable.Range(0, 40).Select(i => ScoringFixture.Company(TestModels.Siren(32_000_000 + i), 1, debtMonths: i * 0.1)).ToArray();
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(companies, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = fixture.Db();
            return await db.Snapshots.CountAsync();
        }, n => n == companies.Length, TimeSpan.FromSeconds(30), "the indicators to be kept while no model is active");

        var first1 = TestModels.Train(1);
        var v1 = await fixture.RegisterAsync(first1);
        var v2 = await fixture.RegisterAsync(TestModels.Train(2));
        Assert.Equal(("v1", "v2"), (v1, v2));
        Assert.Equal(v1, await fixture.RegisterAsync(first1)); // the same artifact again: the same version

        await fixture.ActivateAsync(v1);
        var first = await StandingsAsync();
        Assert.Equal(companies.Length, first.Count);
        Assert.All(first.Values, s => Assert.Equal(v1, s.Version));

        await fixture.ActivateAsync(v2);
        var second = await StandingsAsync();
        Assert.All(second.Values, s => Assert.Equal(v2, s.Version));
        Assert.Contains(second, s => Math.Abs(s.Value.Probability - first[s.Key].Probability) > 1e-6);

        await fixture.ActivateAsync(null);
        var restored = await StandingsAsync();
        Assert.All(restored, s =>
        {
            Assert.Equal(v1, s.Value.Version);
            Assert.Equal(first[s.Key].Probability, s.Value.Probability, 9);
            Assert.Equal(first[s.Key].Level, s.Value.Level);
        });
        await using var db = fixture.Db();
        Assert.Equal(["promote", "promote", "rollback"], await db.Activations.OrderBy(a => a.Id).Select(a => a.Reason).ToListAsync());
        Assert.Equal(v1, await db.ModelVersions.Where(v => v.IsActive).Select(v => v.Version).SingleAsync());
        // Every stored score names its version: three rescores of every company.
        Assert.Equal(3 * companies.Length, await db.Scores.CountAsync());
    }

    private async Task<Dictionary<string, (string Version, double Probability, string Level)>> StandingsAsync()
    {
        await using var db = fixture.Db();
        return (await db.Standings.AsNoTracking().ToListAsync())
            .ToDictionary(s => s.Siren.Value, s => (s.ModelVersion!, s.Probability ?? double.NaN, s.Level.ToString()));
    }
}
