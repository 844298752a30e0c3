using System.Text.Json;
using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class DriftTests
{
    [Fact]
    public void A_profile_cuts_at_the_deciles_and_bins_a_value_on_a_cut_above_it_as_width_bucket_does()
    {
        var profile = DistributionProfile.Of(Enumerable.Range(1, 100).Select(v => (double)v).Append(double.NaN));

        Assert.Equal([11, 21, 31, 41, 51, 61, 71, 81, 91], profile.Cuts);
        Assert.All(profile.Shares, share => Assert.Equal(0.1, share));
        Assert.Equal(0.0099, profile.Missing);
        Assert.Equal((0, 0, 1, 9, 9), (profile.BinOf(-5), profile.BinOf(10.9), profile.BinOf(11), profile.BinOf(91), profile.BinOf(1e9)));
    }

    [Fact]
    public void A_flag_gets_one_bin_per_value_seen()
    {
        var profile = DistributionProfile.Of(Enumerable.Repeat(0.0, 80).Concat(Enumerable.Repeat(1.0, 20)));

        Assert.Equal([0, 1], profile.Cuts);
        Assert.Equal([0, 0.8, 0.2], profile.Shares);
    }

    [Fact]
    public void The_stability_index_is_zero_for_the_same_spread_and_follows_its_formula_otherwise()
    {
        var training = new[] { 0.5, 0.5 };

        Assert.Equal(0, PopulationStability.Index(training, BinnedValues.From([50, 50], 0)));
        // (0.9 − 0.5) ln(0.9 / 0.5) + (0.1 − 0.5) ln(0.1 / 0.5)
        Assert.Equal(0.4 * Math.Log(1.8) + 0.4 * Math.Log(5), PopulationStability.Index(training, BinnedValues.From([90, 10], 0))!.Value, 6);
        Assert.Null(PopulationStability.Index(training, BinnedValues.From([0, 0], 7)));
    }

    [Fact]
    public void Values_outside_the_training_range_give_a_large_but_finite_index()
    {
        var profile = DistributionProfile.Of(Enumerable.Range(1, 100).Select(v => (double)v));

        var index = PopulationStability.Index(profile.Shares, profile.Measure(Enumerable.Repeat(1000.0, 50)));

        Assert.InRange(index!.Value, 0.25, 20);
    }

    [Fact]
    public void Each_feature_is_held_against_its_profile_or_without_one_against_its_training_missing_rate()
    {
        string[] features = ["ratio_dette", "paydex_nb_jours"];
        var training = Enumerable.Range(0, 100).Select(i => new[] { i / 10f, i % 4 == 0 ? float.NaN : i }).ToList();
        var profile = TrainingProfile.Of(features, training, training.Select(r => r[0] / 10.0).ToList());
        var live = Enumerable.Range(0, 40).Select(i => new[] { 8 + i / 20f, float.NaN }).ToList();

        var drifts = FeatureDrift.Measure(features, live, profile, null);

        Assert.Equal(0.25, drifts[1].TrainingMissing);
        Assert.Equal((1.0, (double?)null, 0L), (drifts[1].LiveMissing, drifts[1].StabilityIndex, drifts[1].LivePresent));
        Assert.True(drifts[0].StabilityIndex > 0.25, "debts all in training's top two deciles");
        Assert.Equal(0, drifts[0].LiveMissing);

        var withoutProfile = FeatureDrift.Measure(features, live, null, new Dictionary<string, double> { ["paydex_nb_jours"] = 0.3 });

        var paydex = Assert.Single(withoutProfile);
        Assert.Equal(("paydex_nb_jours", 0.3, 1.0, (double?)null), (paydex.Feature, paydex.TrainingMissing, paydex.LiveMissing, paydex.StabilityIndex));
    }

    [Fact]
    public void A_manifest_keeps_its_profile_through_model_json()
    {
        var profile = TrainingProfile.Of(["ca"], [[1f], [2f], [float.NaN]], [0.1, 0.2, 0.3]);
        var manifest = new ModelManifest("m", "d", DateTimeOffset.UnixEpoch, ["ca"], [], 1, 0, 0.5, 0.2, 1, new Dictionary<string, double>(), Profile: profile);

        var read = JsonSerializer.Deserialize<ModelManifest>(JsonSerializer.Serialize(manifest, ScoringModel.Json), ScoringModel.Json)!;

        Assert.Equal(3, read.Profile!.Rows);
        Assert.Equal(profile.Features["ca"].Cuts, read.Profile.Features["ca"].Cuts);
        Assert.Equal(profile.Features["ca"].Missing, read.Profile.Features["ca"].Missing);
        Assert.Equal(profile.Scores.Shares, read.Profile.Scores.Shares);
    }
}
