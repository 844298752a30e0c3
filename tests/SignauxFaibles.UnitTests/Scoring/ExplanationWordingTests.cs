using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Scoring.Explanations;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.UnitTests.Scoring;

/// <summary>How explanations read to an officer, and which theme each indicator belongs to.</summary>
public sealed class ExplanationWordingTests
{
    [Theory]
    [InlineData("ratio_dette", Themes.SocialContributionDebt)]
    [InlineData("dette_par_effectif_var3m", Themes.SocialContributionDebt)]
    [InlineData("delai_nb_jours_restants", Themes.SocialContributionDebt)]
    [InlineData("delai_fournisseur", Themes.FinancialHealth)]
    [InlineData("paydex_nb_jours_diff_12m", Themes.SupplierPaymentDelays)]
    [InlineData("fpi_90", Themes.SupplierPaymentDelays)]
    [InlineData("apart_heures_consommees_cumulees", Themes.ShortTimeWork)]
    [InlineData("effectif_ent_var12m", Themes.Employment)]
    [InlineData("dette_a_terme_sur_fonds_propres_past_2", Themes.FinancialHealth)]
    [InlineData("naf_section=C", Themes.CompanyProfile)]
    [InlineData(Themes.MissingValues, Themes.CompanyProfile)]
    public void Each_indicator_belongs_to_its_theme(string feature, string theme) => Assert.Equal(theme, Themes.Of(feature));

    [Fact]
    public void A_feature_reads_with_its_unit_its_value_three_months_ago_and_its_direction()
    {
        Assert.Equal("Dette URSSAF = 2,3 mois de cotisations, contre 0,4 il y a 3 mois (augmente le risque)",
            Glossary.Sentence("ratio_dette", 2.3, 0.4, 0.8));
        Assert.Equal("Part des factures payées avec plus de 90 jours de retard = 12,5 % (augmente le risque)",
            Glossary.Sentence("fpi_90", 0.125, 0.125, 0.1));
        Assert.Equal("Effectif de l'entreprise = 45 salariés, contre 52 il y a 3 mois (réduit le risque)",
            Glossary.Sentence("effectif_ent", 45, 52, -0.2));
        Assert.Equal("Secteur d'activité (section NAF C) = oui (augmente le risque)", Glossary.Sentence("naf_section=C", 1, null, 0.05));
        Assert.Equal("Chiffre d'affaires = non renseigné (augmente le risque)", Glossary.Sentence("ca", null, null, 0.3));
    }

    [Fact]
    public void One_hot_features_follow_the_companys_text_labels_as_in_training()
    {
        var values = Layout.Current.Pack(new Dictionary<string, double> { ["ratio_dette"] = 1.5 });
        var input = new ScoringInput(Siren.Parse("552100554"), new YearMonth(2026, 10), Layout.Current, values, null,
            new Dictionary<string, string> { ["naf_section"] = "C" });
        Assert.Equal([1.5f, 1f, 0f, float.NaN], input.Row(["ratio_dette", "naf_section=C", "naf_section=G", "ca"]));
    }

    [Fact]
    public void A_models_feature_plan_builds_the_same_rows_as_the_lookup_by_name()
    {
        string[] features = ["ratio_dette", "naf_section=C", "naf_section=G", "ca", "not_in_the_layout", "effectif_ent"];
        var plan = new FeaturePlan(features);
        var values = Layout.Current.Pack(new Dictionary<string, double> { ["ratio_dette"] = 1.5, ["effectif_ent"] = 12 });
        var input = new ScoringInput(Siren.Parse("552100554"), new YearMonth(2026, 10), Layout.Current, values, null,
            new Dictionary<string, string> { ["naf_section"] = "G" });
        var unlabelled = input with { Labels = null };
        Assert.Equal(input.Row(features), plan.Row(input));
        Assert.Equal(unlabelled.Row(features), plan.Row(unlabelled));
        Assert.Equal([1.5f, 0f, 1f, float.NaN, float.NaN, 12f], plan.Row(input));
        Assert.Equal([Themes.IndexOf(Themes.SocialContributionDebt), Themes.IndexOf(Themes.CompanyProfile)], plan.Theme.Take(2));
    }

    [Fact]
    public void Every_panel_indicator_reads_in_French_words_not_its_internal_name()
    {
        var internalNames = SignauxFaibles.Indicators.Panel.PanelSchema.Company.Values
            .Where(c => c is not ("perimetre" or "en_procedure" or "etat_proc_collective"))
            .Where(c => Glossary.Label(c).Contains('_', StringComparison.Ordinal) || Glossary.Label(c).Equals(c, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(internalNames.Count == 0, "labels missing: " + string.Join(", ", internalNames));
    }

    [Theory]
    [InlineData("ca_past_1", 1.2e6, "Chiffre d'affaires, exercice précédent = 1\u202F200\u202F000 €")]
    [InlineData("montant_part_patronale_past_6", 15000, "Dette URSSAF, part patronale, il y a 6 mois = 15\u202F000 €")]
    [InlineData("ebe_sur_ca", 0.052, "Excédent brut d'exploitation rapporté au chiffre d'affaires = 5,2 %")]
    public void Lagged_and_ratio_features_read_with_their_period_and_unit(string feature, double value, string expected) =>
        Assert.StartsWith(expected, Glossary.Sentence(feature, value, null, 0.1), StringComparison.Ordinal);
}
