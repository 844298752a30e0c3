namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// The columns of the panel, in their stable order: numeric indicators (names of the reference
/// dictionary where it has one) and text labels. Adding a column is a definition change:
/// recompute afterwards.
/// </summary>
public sealed class PanelSchema
{
    private readonly Dictionary<string, int> _valueIndex;

    private PanelSchema(IReadOnlyList<string> values, IReadOnlyList<string> labels)
    {
        Values = values;
        Labels = labels;
        _valueIndex = values.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        if (_valueIndex.Count != values.Count) throw new InvalidOperationException("duplicate panel column");
    }

    public IReadOnlyList<string> Values { get; }
    public IReadOnlyList<string> Labels { get; }

    public int IndexOf(string name) => _valueIndex.TryGetValue(name, out var i) ? i : -1;

    public static readonly IReadOnlyList<string> FinancialItems =
    [
        "ca", "excedent_brut_d_exploitation", "benefice_ou_perte", "fonds_propres", "dette_a_terme",
        "capacite_autofinancement", "besoin_fonds_roulement", "charge_personnel", "valeur_ajoutee",
    ];

    public static readonly IReadOnlyList<string> FinancialRatios =
    [
        "dette_nette_sur_caf", "dette_a_terme_sur_fonds_propres", "ebe_sur_ca", "va_sur_effectif",
        "charges_personnel_sur_va", "liquidite_generale", "fonds_propres_sur_capital",
    ];

    public static readonly IReadOnlyList<string> BanqueDeFranceRatios =
        ["poids_frng", "taux_marge", "delai_fournisseur", "dette_fiscale", "financier_court_terme", "frais_financier"];

    private static IEnumerable<string> WithLags(string name, params int[] lags) => [name, .. lags.Select(k => $"{name}_past_{k}")];

    private static IEnumerable<string> Urssaf() =>
    [
        "cotisation", "cotisation_moy12m",
        .. WithLags("montant_part_ouvriere", 1, 2, 3, 6, 12),
        .. WithLags("montant_part_patronale", 1, 2, 3, 6, 12),
        "ratio_dette", "ratio_dette_moy12m", "dette_par_effectif", "dette_par_effectif_var3m", "tag_debit", "tag_default",
        "delai_en_cours", "delai_nb_jours_total", "delai_montant_echeancier", "delai_nb_jours_restants", "delai_deviation_remboursement",
        "ccsf_en_cours",
    ];

    private static IEnumerable<string> ShortTimeWork() =>
        ["apart_heures_autorisees", "apart_motif_recours", "apart_heures_consommees", "apart_heures_consommees_cumulees", "ratio_apart"];

    /// <summary>Company rows.</summary>
    public static PanelSchema Company { get; } = new(
    [
        .. Urssaf(),
        .. WithLags("effectif_ent", 6, 12, 18, 24), "effectif_ent_var12m", "effectif_ent_reporte", "effectif",
        .. ShortTimeWork(),
        .. BanqueDeFranceRatios.SelectMany(r => WithLags(r, 1, 2)),
        .. FinancialItems.SelectMany(r => WithLags(r, 1, 2)),
        .. FinancialRatios.SelectMany(r => WithLags(r, 1, 2)),
        "paydex_nb_jours", "paydex_nb_jours_past_12", "paydex_nb_jours_diff_12m", "paydex_classe", "fpi_30", "fpi_90",
        "age_entreprise", "nombre_etablissements", "etat_proc_collective", "en_procedure",
        "dyn_effectif_hausse_6m", "dyn_effectif_hausse_12m", "dyn_fin_activite_partielle", "dyn_dette_soldee",
        "perimetre",
    ],
    ["code_naf", "naf_section", "naf_division", "naf_groupe", "naf_classe", "categorie_juridique", "departement", "region"]);

    /// <summary>The training label column, added after the company columns by a training export.</summary>
    public const string Outcome = "outcome";

    /// <summary>Company rows with the training label last.</summary>
    public static PanelSchema CompanyWithOutcome { get; } = new([.. Company.Values, Outcome], Company.Labels);

    /// <summary>Establishment rows.</summary>
    public static PanelSchema Establishment { get; } = new(
    [
        .. Urssaf(),
        .. WithLags("effectif", 6, 12, 18, 24), "effectif_var12m", "effectif_reporte",
        .. ShortTimeWork(),
        "siege",
    ],
    ["code_naf", "departement", "region"]);

    /// <summary>Columns computed from URSSAF data, with their lags (an officer needs the urssaf right).</summary>
    public static IReadOnlyList<string> UrssafColumns { get; } = [.. Urssaf()];

    /// <summary>Columns computed from short-time-work data (the dgefp right).</summary>
    public static IReadOnlyList<string> ShortTimeWorkColumns { get; } = [.. ShortTimeWork()];

    /// <summary>
    /// Accounts items and ratios with their lags: the tax return's figures when the DGFiP delivered
    /// one, else the published accounts (Diane). The panel keeps no source per value, so every one of
    /// them is treated as possibly a tax figure (the dgfip right).
    /// </summary>
    public static IReadOnlyList<string> AccountsColumns { get; } =
        [.. FinancialItems.SelectMany(r => WithLags(r, 1, 2)), .. FinancialRatios.SelectMany(r => WithLags(r, 1, 2))];

    /// <summary>Banque de France ratios with their lags (the bdf right).</summary>
    public static IReadOnlyList<string> BanqueDeFranceColumns { get; } = [.. BanqueDeFranceRatios.SelectMany(r => WithLags(r, 1, 2))];
}
