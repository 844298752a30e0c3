using SignauxFaibles.Operations.Model;

namespace SignauxFaibles.UnitTests.Operations;

/// <summary>sf ops status reads the model monitor's gauges back from Prometheus.</summary>
public sealed class ModelWatchReaderTests
{
    [Fact]
    public async Task Each_feature_gets_its_stability_index_and_both_missing_rates_and_the_latest_month_its_score_index()
    {
        var prometheus = new PrometheusAnswers(new()
        {
            ["max by (model_version) (sf_model_live_companies)"] = PrometheusAnswers.Vector(("""{"model_version":"v2"}""", "1234")),
            ["max by (feature) (sf_model_feature_psi)"] = PrometheusAnswers.Vector(("""{"feature":"ca"}""", "0.61"), ("""{"feature":"ratio_dette"}""", "0.04")),
            ["max by (feature, population) (sf_model_feature_missing_rate)"] = PrometheusAnswers.Vector(
                ("""{"feature":"paydex_nb_jours","population":"live"}""", "0.95"), ("""{"feature":"paydex_nb_jours","population":"training"}""", "0.3"),
                ("""{"feature":"ca","population":"live"}""", "0.1"), ("""{"feature":"ca","population":"training"}""", "0.1")),
            ["max by (month) (sf_model_score_psi)"] = PrometheusAnswers.Vector(("""{"month":"2026-11"}""", "0.08")),
        });
        using var http = new HttpClient(prometheus) { BaseAddress = new Uri("http://prometheus.test/") };

        var watch = await new ModelWatchReader(http).ReadAsync(CancellationToken.None);

        Assert.Equal(("v2", 1234L, "2026-11", (double?)0.08), (watch.Version, watch.LiveCompanies, watch.LatestMonth, watch.ScoreStabilityIndex));
        var paydex = watch.Features.Single(f => f.Feature == "paydex_nb_jours");
        Assert.Null(paydex.StabilityIndex);
        Assert.Equal(0.65, paydex.MissingGap!.Value, 6);
        Assert.Equal(new FeatureWatch("ca", 0.61, 0.1, 0.1), watch.Features.Single(f => f.Feature == "ca"));
        Assert.Equal(3, watch.Features.Count);
    }

    [Fact]
    public async Task Before_any_measure_there_is_no_version_and_no_feature()
    {
        var empty = PrometheusAnswers.Vector();
        var prometheus = new PrometheusAnswers(new()
        {
            ["max by (model_version) (sf_model_live_companies)"] = empty,
            ["max by (feature) (sf_model_feature_psi)"] = empty,
            ["max by (feature, population) (sf_model_feature_missing_rate)"] = empty,
            ["max by (month) (sf_model_score_psi)"] = empty,
        });
        using var http = new HttpClient(prometheus) { BaseAddress = new Uri("http://prometheus.test/") };

        var watch = await new ModelWatchReader(http).ReadAsync(CancellationToken.None);

        Assert.Equal((null, 0L, 0, null), (watch.Version, watch.LiveCompanies, watch.Features.Count, watch.LatestMonth));
    }
}
