using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.UnitTests.Scoring;

public sealed class PromotionGateTests
{
    private static ModelManifest Manifest(string[] features, Dictionary<string, double>? missing = null) =>
        new("test", "", DateTimeOffset.UnixEpoch, features, [], 1, 0, 0.5, 0.2, 1, new Dictionary<string, double>(), MissingRates: missing);

    [Fact]
    public void Columns_of_the_live_panel_and_one_hot_labels_pass()
    {
        Assert.Empty(PromotionGate.Refusals(Manifest(["ratio_dette", "effectif_ent", "naf_section=C", "region=84"]), PanelSchema.Company, null, 0.2));
    }

    [Fact]
    public void A_feature_the_live_panel_lacks_is_refused_by_name()
    {
        var reasons = PromotionGate.Refusals(Manifest(["ratio_dette", "ratio_dette_v2", "pays=FR"]), PanelSchema.Company, null, 0.2);
        Assert.Equal(["feature 'ratio_dette_v2' is not in the live panel", "feature 'pays=FR' is not in the live panel"], reasons);
    }

    [Fact]
    public void A_live_missing_rate_far_from_training_is_refused_and_one_within_tolerance_passes()
    {
        var manifest = Manifest(["ratio_dette", "paydex_nb_jours"], new() { ["ratio_dette"] = 0.05, ["paydex_nb_jours"] = 0.30 });
        Assert.Empty(PromotionGate.Refusals(manifest, PanelSchema.Company, new Dictionary<string, double> { ["ratio_dette"] = 0.2, ["paydex_nb_jours"] = 0.45 }, 0.2));
        var reason = Assert.Single(PromotionGate.Refusals(manifest, PanelSchema.Company, new Dictionary<string, double> { ["ratio_dette"] = 0.9, ["paydex_nb_jours"] = 0.3 }, 0.2));
        Assert.Equal("feature 'ratio_dette' is missing for 90 % of the live companies against 5 % in training (tolerance 20 %)", reason);
        // Without live figures (too few companies) only the columns are checked.
        Assert.Empty(PromotionGate.Refusals(manifest, PanelSchema.Company, null, 0.2));
    }

    [Fact]
    public void Missing_rates_are_the_share_of_NaN_per_feature()
    {
        var rates = ScoringModel.MissingRates(["a", "b"], [[1, float.NaN], [float.NaN, float.NaN], [3, 4], [5, 6]]);
        Assert.Equal(0.25, rates["a"]);
        Assert.Equal(0.5, rates["b"]);
    }
}
