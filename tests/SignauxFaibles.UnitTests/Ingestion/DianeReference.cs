namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>The reference parser's Diane field names, our item code for each, and the factor from its k€ to our euros.</summary>
internal static class DianeReference
{
    /// <summary>Counts about the company now, not about a fiscal year.</summary>
    public static readonly string[] CompanyLevel = ["nombre_etab_secondaire", "nombre_filiale", "taille_compo_groupe"];

    public static readonly (string Reference, string Item, decimal Factor)[] Items =
    [
        ("effectif_consolide", "consolidatedHeadcount", 1), ("dette_fiscale_et_sociale", "taxAndSocialDebt", 1000),
        ("frais_de_RetD", "netResearchCosts", 1000), ("conces_brev_et_droits_sim", "netConcessionsAndPatents", 1000),
        ("nombre_etab_secondaire", "secondaryEstablishments", 1), ("nombre_filiale", "subsidiaries", 1),
        ("taille_compo_groupe", "groupSize", 1), ("concours_bancaire_courant", "bankOverdrafts", 1000),
        ("equilibre_financier", "financialBalance", 1), ("independance_financiere", "financialIndependence", 1),
        ("endettement", "indebtedness", 1), ("autonomie_financiere", "financialAutonomy", 1),
        ("degre_immo_corporelle", "tangibleAssetsDepreciationRate", 1), ("financement_actif_circulant", "netCurrentAssetsFinancing", 1),
        ("liquidite_generale", "currentRatio", 1), ("liquidite_reduite", "quickRatio", 1), ("rotation_stocks", "stockTurnoverDays", 1),
        ("credit_client", "customerCreditDays", 1), ("credit_fournisseur", "supplierCreditDays", 1),
        ("ca_par_effectif", "turnoverPerEmployee", 1000), ("taux_interet_financier", "financialInterestRate", 1),
        ("taux_interet_sur_ca", "interestToTurnover", 1), ("endettement_global", "overallDebtDays", 1),
        ("taux_endettement", "debtRatio", 1), ("capacite_remboursement", "repaymentCapacity", 1),
        ("capacite_autofinancement", "selfFinancingCapacityRate", 1), ("couverture_ca_fdr", "turnoverCoverByWorkingCapitalDays", 1),
        ("couverture_ca_besoin_fdr", "turnoverCoverByWorkingCapitalNeedDays", 1), ("poids_bfr_exploitation", "operatingWorkingCapitalNeedWeight", 1),
        ("exportation", "exportShare", 1), ("efficacite_economique", "economicEfficiency", 1000),
        ("productivite_potentiel_production", "productionCapacityProductivity", 1), ("productivite_capital_financier", "financialCapitalProductivity", 1),
        ("productivite_capital_investi", "investedCapitalProductivity", 1), ("taux_d_investissement_productif", "productiveInvestmentRate", 1),
        ("rentabilite_economique", "economicProfitability", 1), ("performance", "performance", 1),
        ("rendement_brut_fonds_propres", "grossReturnOnNetEquity", 1), ("rentabilite_nette", "netProfitability", 1),
        ("rendement_capitaux_propres", "returnOnNetEquity", 1), ("rendement_ressources_durables", "returnOnNetPermanentResources", 1),
        ("taux_marge_commerciale", "commercialMarginRate", 1), ("taux_valeur_ajoutee", "valueAddedRate", 1),
        ("part_salaries", "employeesShare", 1), ("part_etat", "stateShare", 1), ("part_preteur", "lendersShare", 1),
        ("part_autofinancement", "selfFinancingShare", 1), ("ca", "turnover", 1000), ("ca_exportation", "exportTurnover", 1000),
        ("achat_marchandises", "goodsAndSuppliesPurchases", 1000), ("achat_matieres_premieres", "rawMaterialsPurchases", 1000),
        ("production", "production", 1000), ("marge_commerciale", "commercialMargin", 1000), ("consommation", "consumption", 1000),
        ("autres_achats_charges_externes", "otherExternalCharges", 1000), ("valeur_ajoutee", "valueAdded", 1000),
        ("charge_personnel", "staffCosts", 1000), ("impots_taxes", "taxesOtherThanIncome", 1000),
        ("subventions_d_exploitation", "operatingSubsidies", 1000), ("excedent_brut_d_exploitation", "grossOperatingSurplus", 1000),
        ("autres_produits_charges_reprises", "otherIncomeChargesAndReversals", 1000), ("dotation_amortissement", "depreciationAndProvisions", 1000),
        ("resultat_expl", "operatingResult", 1000), ("operations_commun", "jointOperations", 1000),
        ("produits_financiers", "financialIncome", 1000), ("charges_financieres", "financialCharges", 1000),
        ("interets", "interestCharges", 1000), ("resultat_avant_impot", "currentResultBeforeTax", 1000),
        ("produit_exceptionnel", "exceptionalIncome", 1000), ("charge_exceptionnelle", "exceptionalCharges", 1000),
        ("participation_salaries", "employeeProfitSharing", 1000), ("impot_benefice", "incomeTax", 1000),
        ("benefice_ou_perte", "netResult", 1000),
    ];
}
