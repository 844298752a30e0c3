using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Monitoring;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>The scoring service measuring its model every second.</summary>
public sealed class MonitoredScoringFixture : ScoringFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Scoring:Monitoring:Interval"] = "00:00:01" };
}

/// <summary>
/// The model monitor over the real database: scored companies counted by month, région and level,
/// their probabilities binned by PostgreSQL as the training profile bins them, and the live
/// features' missing rates and stability against training, up to the service's /metrics.
/// </summary>
public sealed class ModelMonitorTests(MonitoredScoringFixture fixture) : IClassFixture<MonitoredScoringFixture>
{
    private static CompanyIndicators Company(int number, double debtMonths, string month, string departement, string region) =>
        new(TestModels.Siren(number), [new MonthlyIndicators(YearMonth.Parse(month),
                // No Paydex (30 % missing in training) and one turnover for all (spread in training).
                new Dictionary<string, double> { ["ratio_dette"] = debtMonths, ["effectif_ent"] = 25, ["ca"] = 1.2e6, ["perimetre"] = 1, ["en_procedure"] = 0 },
                new Dictionary<string, string> { ["departement"] = departement, ["region"] = region, ["naf_section"] = "C", ["code_naf"] = "25.62B" })],
            1);

    [Fact]
    public async Task Scores_are_counted_by_month_region_and_level_and_the_live_features_are_held_against_training()
    {
        await fixture.ActiveTestModelAsync();
        // March: 12 companies in Bourgogne-Franche-Comté (27), 3 of them owing 3 months (red);
        // April: the same 12, 6 red, and 8 in Île-de-France (11), 2 red.
        var march = Enumerable.Range(0, 12).Select(i => Company(36_000_000 + i, i < 3 ? 3.0 : 0.1, "2019-03", "21", "27"));
        var april = Enumerable.Range(0, 12).Select(i => Company(36_000_000 + i, i < 6 ? 3.0 : 0.1, "2019-04", "21", "27"))
            .Concat(Enumerable.Range(0, 8).Select(i => Company(36_100_000 + i, i < 2 ? 3.0 : 0.2, "2019-04", "75", "11"))).ToArray();
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(march.ToArray(), DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Scores.Count(s => s.Month == YearMonth.Parse("2019-03"))), n => n >= 12, TimeSpan.FromSeconds(30), "March scored");
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(april.Select(c => c with { Revision = 2 }).ToArray(), DateTimeOffset.UtcNow));
        var scored = await Eventually.UntilAsync(() => Task.FromResult(fixture.Scores.Where(s => s.Month == YearMonth.Parse("2019-04")).ToList()),
            s => s.Count >= 20, TimeSpan.FromSeconds(30), "April scored");

        var monitor = fixture.Service.Services.GetServices<IHostedService>().OfType<ModelMonitor>().Single();
        var watch = (await monitor.MeasureAsync(CancellationToken.None))!;

        Assert.Equal(["2019-03", "2019-04"], watch.Months.Select(m => m.Month.ToString()).ToArray());
        var (first, latest) = (watch.Months[0], watch.Months[1]);
        Assert.Equal(3, first.Alerted("27"));
        Assert.Equal((6L, 2L), (latest.Alerted("27"), latest.Alerted("11")));
        Assert.Equal(20, latest.Companies.Values.Sum());
        Assert.Contains(watch.Regions, r => r == new RegionAlerts("27", 6, 3));
        Assert.Contains(watch.Regions, r => r == new RegionAlerts("11", 2, 0));

        // PostgreSQL's width_bucket put each probability in the band the training profile's own binning gives.
        await using var db = fixture.Db();
        var profile = (await new ActiveModelCache().GetAsync(db, CancellationToken.None))!.Model.Manifest.Profile!;
        var expected = profile.Scores.Measure(scored.GroupBy(s => s.Siren).Select(g => g.Last().Probability));
        Assert.Equal(expected.Shares, latest.Bands!.Shares);
        Assert.True(latest.StabilityIndex > 0);

        // The live companies have no Paydex and one turnover: both far from training.
        var paydex = watch.Features.Single(f => f.Feature == "paydex_nb_jours");
        Assert.Equal(1.0, paydex.LiveMissing);
        Assert.InRange(paydex.TrainingMissing, 0.2, 0.4);
        Assert.Null(paydex.StabilityIndex);
        Assert.True(watch.Features.Single(f => f.Feature == "ca").StabilityIndex > 1, "one turnover for every company is a large shift");
        Assert.Equal(20, watch.LiveCompanies);

        // The service's own monitor publishes the same measures on /metrics.
        using var client = fixture.Service.CreateClient();
        await Eventually.UntilAsync(() => client.GetStringAsync("/metrics"),
            text => text.Contains("sf_scoring_month_companies{", StringComparison.Ordinal) && text.Contains("month=\"2019-04\"", StringComparison.Ordinal)
                && text.Contains("sf_model_feature_psi{", StringComparison.Ordinal) && text.Contains("sf_scoring_region_alerted{", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the monitor's gauges on /metrics");
    }
}
