using System.Globalization;

namespace SignauxFaibles.Scoring.Explanations;

/// <summary>How a value reads to an officer.</summary>
public enum Unit
{
    Number,
    Euros,
    MonthsOfContributions,
    Days,
    Hours,
    People,
    /// <summary>A share between 0 and 1, read as a percentage.</summary>
    Share,
    Years,
    YesNo,
}

/// <summary>Officer-readable names and units of the indicators, in French (the portal's and the mails' language).</summary>
public static class Glossary
{
    // The services run with invariant globalization (no ICU), so French number formatting is spelled out.
    private static readonly NumberFormatInfo French = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u202F",
        NegativeSign = "-",
    };

    private static readonly Dictionary<string, (string Label, Unit Unit)> Entries = new(StringComparer.Ordinal)
    {
        ["ratio_dette"] = ("Dette URSSAF", Unit.MonthsOfContributions),
        ["ratio_dette_moy12m"] = ("Dette URSSAF, moyenne sur 12 mois", Unit.MonthsOfContributions),
        ["montant_part_patronale"] = ("Dette URSSAF, part patronale", Unit.Euros),
        ["montant_part_ouvriere"] = ("Dette URSSAF, part salariale", Unit.Euros),
        ["cotisation"] = ("Cotisations appelées du mois", Unit.Euros),
        ["cotisation_moy12m"] = ("Cotisations mensuelles moyennes sur 12 mois", Unit.Euros),
        ["dette_par_effectif"] = ("Dette URSSAF par salarié", Unit.Euros),
        ["dette_par_effectif_var3m"] = ("Évolution sur 3 mois de la dette par salarié", Unit.Euros),
        ["tag_debit"] = ("Dette URSSAF en cours", Unit.YesNo),
        ["tag_default"] = ("Défaut de paiement URSSAF depuis au moins 3 mois", Unit.YesNo),
        ["delai_en_cours"] = ("Délai de paiement URSSAF en cours", Unit.YesNo),
        ["delai_montant_echeancier"] = ("Montant de l'échéancier URSSAF", Unit.Euros),
        ["ccsf_en_cours"] = ("Plan CCSF en cours", Unit.YesNo),
        ["apart_heures_autorisees"] = ("Heures d'activité partielle autorisées", Unit.Hours),
        ["apart_heures_consommees"] = ("Heures d'activité partielle consommées", Unit.Hours),
        ["apart_heures_consommees_cumulees"] = ("Heures d'activité partielle consommées sur 12 mois", Unit.Hours),
        ["ratio_apart"] = ("Part des heures en activité partielle", Unit.Share),
        ["effectif_ent"] = ("Effectif de l'entreprise", Unit.People),
        ["effectif"] = ("Effectif total des établissements", Unit.People),
        ["effectif_ent_var12m"] = ("Évolution de l'effectif sur 12 mois", Unit.Share),
        ["paydex_nb_jours"] = ("Retard moyen de paiement des fournisseurs", Unit.Days),
        ["paydex_nb_jours_diff_12m"] = ("Évolution sur 12 mois du retard de paiement", Unit.Days),
        ["fpi_30"] = ("Part des factures payées avec plus de 30 jours de retard", Unit.Share),
        ["fpi_90"] = ("Part des factures payées avec plus de 90 jours de retard", Unit.Share),
        ["age_entreprise"] = ("Âge de l'entreprise", Unit.Years),
        ["nombre_etablissements"] = ("Établissements ouverts", Unit.Number),
        ["ca"] = ("Chiffre d'affaires", Unit.Euros),
        ["excedent_brut_d_exploitation"] = ("Excédent brut d'exploitation", Unit.Euros),
        ["benefice_ou_perte"] = ("Résultat net", Unit.Euros),
        ["fonds_propres"] = ("Fonds propres", Unit.Euros),
        ["capacite_autofinancement"] = ("Capacité d'autofinancement", Unit.Euros),
        ["dette_fiscale"] = ("Dettes fiscales et sociales", Unit.Euros),
        ["frais_financier"] = ("Frais financiers", Unit.Euros),
        ["liquidite_generale"] = ("Liquidité générale", Unit.Number),
        ["taux_marge"] = ("Taux de marge", Unit.Number),
        ["delai_fournisseur"] = ("Délai de paiement fournisseurs (bilan)", Unit.Days),
        ["effectif_ent_reporte"] = ("Effectif reporté du dernier mois connu", Unit.YesNo),
        ["delai_nb_jours_total"] = ("Durée du délai de paiement URSSAF", Unit.Days),
        ["delai_nb_jours_restants"] = ("Jours restants du délai de paiement URSSAF", Unit.Days),
        ["delai_deviation_remboursement"] = ("Écart au remboursement prévu du délai URSSAF", Unit.Share),
        ["apart_motif_recours"] = ("Motif du recours à l'activité partielle (code)", Unit.Number),
        ["paydex_nb_jours_past_12"] = ("Retard moyen de paiement des fournisseurs il y a 12 mois", Unit.Days),
        ["paydex_classe"] = ("Classe de retard de paiement des fournisseurs (1 : aucun retard … 6 : plus de 90 jours)", Unit.Number),
        ["poids_frng"] = ("Poids du fonds de roulement net global", Unit.Number),
        ["financier_court_terme"] = ("Concours bancaires courants (part du chiffre d'affaires)", Unit.Number),
        ["dette_a_terme"] = ("Dettes à terme", Unit.Euros),
        ["besoin_fonds_roulement"] = ("Besoin en fonds de roulement", Unit.Euros),
        ["charge_personnel"] = ("Charges de personnel", Unit.Euros),
        ["valeur_ajoutee"] = ("Valeur ajoutée", Unit.Euros),
        ["dette_nette_sur_caf"] = ("Dette nette rapportée à la capacité d'autofinancement", Unit.Number),
        ["dette_a_terme_sur_fonds_propres"] = ("Dettes à terme rapportées aux fonds propres", Unit.Number),
        ["ebe_sur_ca"] = ("Excédent brut d'exploitation rapporté au chiffre d'affaires", Unit.Share),
        ["va_sur_effectif"] = ("Valeur ajoutée par salarié", Unit.Euros),
        ["charges_personnel_sur_va"] = ("Charges de personnel rapportées à la valeur ajoutée", Unit.Share),
        ["fonds_propres_sur_capital"] = ("Fonds propres rapportés au capital social", Unit.Number),
        ["dyn_effectif_hausse_6m"] = ("Effectif en hausse sur 6 mois", Unit.YesNo),
        ["dyn_effectif_hausse_12m"] = ("Effectif en hausse sur 12 mois", Unit.YesNo),
        ["dyn_fin_activite_partielle"] = ("Fin du recours à l'activité partielle", Unit.YesNo),
        ["dyn_dette_soldee"] = ("Dette URSSAF soldée", Unit.YesNo),
        [Themes.MissingValues] = ("Nombre de données manquantes", Unit.Number),
    };

    /// <summary>A lagged column (<c>ca_past_1</c>, <c>montant_part_patronale_past_6</c>): the base feature and how far back.</summary>
    private static (string Feature, int Lag)? Lagged(string feature)
    {
        var at = feature.LastIndexOf("_past_", StringComparison.Ordinal);
        return at > 0 && int.TryParse(feature.AsSpan(at + 6), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var lag)
            ? (feature[..at], lag) : null;
    }

    /// <summary>Accounts come by fiscal year: their lags count years; the monthly sources' count months.</summary>
    private static string LagWords(string feature, int lag) =>
        Themes.Of(feature) == Themes.FinancialHealth ? (lag == 1 ? "exercice précédent" : $"{lag} exercices avant") : $"il y a {lag} mois";

    public static string Label(string feature)
    {
        if (Entries.TryGetValue(feature, out var entry)) return entry.Label;
        if (Lagged(feature) is var (lagged, lag) && Entries.ContainsKey(lagged)) return $"{Label(lagged)}, {LagWords(lagged, lag)}";
        // One-hot columns of a text label: "naf_section=C".
        var equals = feature.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
            return feature[..equals] switch
            {
                "naf_section" => $"Secteur d'activité (section NAF {feature[(equals + 1)..]})",
                "region" => $"Région {feature[(equals + 1)..]}",
                var other => $"{Humanise(other)} {feature[(equals + 1)..]}",
            };
        return Humanise(feature);
    }

    /// <summary>"Dette URSSAF = 2,3 mois de cotisations, contre 0,4 il y a 3 mois".</summary>
    public static string Sentence(string feature, double? value, double? threeMonthsAgo, double contribution)
    {
        var unit = Entries.TryGetValue(feature, out var entry) ? entry.Unit
            : Lagged(feature) is var (lagged, _) && Entries.TryGetValue(lagged, out var base_) ? base_.Unit
            : feature.Contains('=', StringComparison.Ordinal) ? Unit.YesNo : Unit.Number;
        var text = $"{Label(feature)} = {(value is { } v ? Format(v, unit) : "non renseigné")}";
        if (value is { } now && threeMonthsAgo is { } before && Math.Abs(now - before) > 1e-9)
            text += $", contre {Format(before, unit, bare: true)} il y a 3 mois";
        return text + (contribution >= 0 ? " (augmente le risque)" : " (réduit le risque)");
    }

    /// <summary>"Dette URSSAF : donnée URSSAF réservée (augmente le risque)": the sentence without any figure.</summary>
    public static string Withheld(string feature, string right, double contribution) =>
        $"{Label(feature)} : donnée {SourceName(right)} réservée{(contribution >= 0 ? " (augmente le risque)" : " (réduit le risque)")}";

    private static string SourceName(string right) => right switch
    {
        "urssaf" => "URSSAF",
        "dgefp" => "DGEFP",
        "bdf" => "Banque de France",
        _ => right,
    };

    /// <param name="bare">Without the unit's words, for the earlier value of a sentence that already named them.</param>
    private static string Format(double value, Unit unit, bool bare = false) => unit switch
    {
        Unit.Euros => string.Format(French, "{0:N0} €", value),
        Unit.MonthsOfContributions => string.Format(French, bare ? "{0:0.0}" : "{0:0.0} mois de cotisations", value),
        Unit.Days => string.Format(French, bare ? "{0:0}" : "{0:0} jours", value),
        Unit.Hours => string.Format(French, bare ? "{0:N0}" : "{0:N0} heures", value),
        Unit.People => string.Format(French, bare ? "{0:0}" : "{0:0} salariés", value),
        Unit.Share => string.Format(French, "{0:0.#} %", value * 100),
        Unit.Years => string.Format(French, "{0:0} ans", value),
        Unit.YesNo => value >= 0.5 ? "oui" : "non",
        _ => string.Format(French, "{0:0.##}", value),
    };

    private static string Humanise(string feature) =>
        char.ToUpper(feature[0], CultureInfo.InvariantCulture) + feature[1..].Replace('_', ' ');
}
