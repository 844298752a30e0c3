namespace SignauxFaibles.Scoring.Explanations;

/// <summary>
/// The five themes of model.md that officers read, plus the company's profile (age, sector,
/// size, place) which fits none of them; every indicator belongs to exactly one, so the themes'
/// contributions add up, with the baseline, to the margin.
/// </summary>
public static class Themes
{
    public const string FinancialHealth = "Santé financière";
    public const string SocialContributionDebt = "Dette sociale (URSSAF)";
    public const string SupplierPaymentDelays = "Retards de paiement fournisseurs";
    public const string ShortTimeWork = "Activité partielle";
    public const string Employment = "Emploi";
    public const string CompanyProfile = "Profil de l'entreprise";

    /// <summary>The order of <see cref="Scores.CompanyScore.Themes"/>.</summary>
    public static readonly IReadOnlyList<string> All = [FinancialHealth, SocialContributionDebt, SupplierPaymentDelays, ShortTimeWork, Employment, CompanyProfile];

    private static readonly (string Prefix, string Theme)[] Prefixes =
    [
        ("paydex", SupplierPaymentDelays), ("fpi_", SupplierPaymentDelays),
        ("apart_", ShortTimeWork), ("ratio_apart", ShortTimeWork), ("dyn_fin_activite_partielle", ShortTimeWork),
        ("effectif", Employment), ("dyn_effectif", Employment),
        ("cotisation", SocialContributionDebt), ("montant_part", SocialContributionDebt), ("ratio_dette", SocialContributionDebt),
        ("dette_par_effectif", SocialContributionDebt), ("tag_", SocialContributionDebt), ("delai_en_cours", SocialContributionDebt),
        ("delai_nb_jours", SocialContributionDebt), ("delai_montant", SocialContributionDebt), ("delai_deviation", SocialContributionDebt),
        ("ccsf", SocialContributionDebt), ("dyn_dette_soldee", SocialContributionDebt),
        ("age_entreprise", CompanyProfile), ("nombre_etablissements", CompanyProfile), ("naf", CompanyProfile), ("code_naf", CompanyProfile),
        ("categorie_juridique", CompanyProfile), ("departement", CompanyProfile), ("region", CompanyProfile), ("perimetre", CompanyProfile),
        ("etat_proc_collective", CompanyProfile), ("en_procedure", CompanyProfile), (MissingValues, CompanyProfile),
    ];

    /// <summary>The pseudo-feature that carries the contribution of the count of missing values.</summary>
    public const string MissingValues = "valeurs_manquantes";

    /// <summary>Anything else is an accounting item or ratio (Banque de France, Diane, DGFiP).</summary>
    public static string Of(string feature)
    {
        foreach (var (prefix, theme) in Prefixes)
            if (feature.StartsWith(prefix, StringComparison.Ordinal)) return theme;
        return FinancialHealth;
    }

    public static int IndexOf(string theme) => All.ToList().IndexOf(theme);
}
