using System.Collections.Frozen;
using static SignauxFaibles.Contracts.Finance.FinancialItemCodes;

namespace SignauxFaibles.Ingestion.Finance.Diane;

/// <summary>
/// Item code of each Diane column label (the label without its year, spaces collapsed: exports
/// are not consistent about double spaces). A label ending in kEUR is an amount in thousands of
/// euros, converted to euros; the others (ratios, %, days, counts) are kept as delivered.
/// </summary>
public static class DianeItems
{
    public static readonly FrozenDictionary<string, string> ByLabel = new Dictionary<string, string>
    {
        ["Effectif consolidé"] = "consolidatedHeadcount",
        ["Dettes fiscales et sociales kEUR"] = TaxAndSocialDebt,
        ["Frais de R&D : net kEUR"] = "netResearchCosts",
        ["Conces., brev. et droits sim. : net kEUR"] = "netConcessionsAndPatents",
        ["Conc. banc. cour. & sold. cr. kEUR"] = "bankOverdrafts",
        ["Equilibre financier"] = "financialBalance",
        ["Indépendance fin. %"] = "financialIndependence",
        ["Endettement %"] = "indebtedness",
        ["Autonomie fin. %"] = "financialAutonomy",
        ["Degré d'amort. des immob. corp. %"] = "tangibleAssetsDepreciationRate",
        ["Financ. de l'actif circ. net"] = "netCurrentAssetsFinancing",
        ["Liquidité générale"] = "currentRatio",
        ["Liquidité réduite"] = "quickRatio",
        ["Rotation des stocks jours"] = "stockTurnoverDays",
        ["Crédit clients jours"] = "customerCreditDays",
        ["Crédit fournisseurs jours"] = "supplierCreditDays",
        ["C. A. par effectif (milliers/pers.) kEUR"] = "turnoverPerEmployee",
        ["Taux d'intérêt financier %"] = "financialInterestRate",
        ["Intérêts / Chiffre d'affaires %"] = "interestToTurnover",
        ["Endettement global jours"] = "overallDebtDays",
        ["Taux d'endettement %"] = "debtRatio",
        ["Capacité de remboursement"] = "repaymentCapacity",
        ["Capacité d'autofin. %"] = "selfFinancingCapacityRate",
        ["Couv. du C.A. par le f.d.r. jours"] = "turnoverCoverByWorkingCapitalDays",
        ["Couv. du C.A. par bes. en fdr jours"] = "turnoverCoverByWorkingCapitalNeedDays",
        ["Poids des BFR d'exploitation %"] = "operatingWorkingCapitalNeedWeight",
        ["Exportation %"] = "exportShare",
        ["Efficacité économique (milliers/pers.) kEUR"] = "economicEfficiency",
        ["Prod. du potentiel de production"] = "productionCapacityProductivity",
        ["Productivité du capital financier"] = "financialCapitalProductivity",
        ["Productivité du capital investi"] = "investedCapitalProductivity",
        ["Taux d'invest. productif %"] = "productiveInvestmentRate",
        ["Rentabilité économique %"] = "economicProfitability",
        ["Performance %"] = "performance",
        ["Rend. brut des f. propres nets %"] = "grossReturnOnNetEquity",
        ["Rentabilité nette %"] = "netProfitability",
        ["Rend. des capitaux propres nets %"] = "returnOnNetEquity",
        ["Rend. des res. durables nettes %"] = "returnOnNetPermanentResources",
        ["Taux de marge commerciale %"] = "commercialMarginRate",
        ["Taux de valeur ajoutée %"] = "valueAddedRate",
        ["Part des salariés %"] = "employeesShare",
        ["Part de l'Etat %"] = "stateShare",
        ["Part des prêteurs %"] = "lendersShare",
        ["Part de l'autofin. %"] = "selfFinancingShare",
        ["Chiffre d'affaires net (H.T.) kEUR"] = Turnover,
        ["Dont exportation kEUR"] = "exportTurnover",
        ["Achats march. et autres approv. kEUR"] = "goodsAndSuppliesPurchases",
        ["Achats de march. kEUR"] = GoodsPurchases,
        ["Achats de mat. prem. et autres approv. kEUR"] = "rawMaterialsPurchases",
        ["Production de l'ex. kEUR"] = "production",
        ["Marge commerciale kEUR"] = "commercialMargin",
        ["Consommation de l'ex. kEUR"] = "consumption",
        ["Autres achats et charges externes kEUR"] = OtherExternalCharges,
        ["Valeur ajoutée kEUR"] = "valueAdded",
        ["Charges de personnel kEUR"] = StaffCosts,
        ["Impôts, taxes et vers. assimil. kEUR"] = TaxesOtherThanIncome,
        ["Subventions d'expl. kEUR"] = "operatingSubsidies",
        ["Excédent brut d'exploitation kEUR"] = "grossOperatingSurplus",
        ["Autres Prod., char. et Repr. kEUR"] = "otherIncomeChargesAndReversals",
        ["Dot. d'exploit. aux amort. et prov. kEUR"] = DepreciationAndProvisions,
        ["Résultat d'expl. kEUR"] = OperatingResult,
        ["Opérations en commun kEUR"] = "jointOperations",
        ["Produits fin. kEUR"] = "financialIncome",
        ["Charges fin. kEUR"] = FinancialCharges,
        ["Intérêts et charges assimilées kEUR"] = InterestCharges,
        ["Résultat courant avant impôts kEUR"] = CurrentResultBeforeTax,
        ["Produits except. kEUR"] = "exceptionalIncome",
        ["Charges except. kEUR"] = "exceptionalCharges",
        ["Particip. des sal. aux résul. kEUR"] = EmployeeProfitSharing,
        ["Impôts sur le bénéf. et impôts diff. kEUR"] = IncomeTax,
        ["Bénéfice ou perte kEUR"] = NetResult,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Company-level counts (no year in the label), repeated on each of the company's statements.</summary>
    public static readonly FrozenDictionary<string, string> CompanyCounts = new Dictionary<string, string>
    {
        ["Nombre d’ES"] = "secondaryEstablishments",
        ["Nombre d'ES"] = "secondaryEstablishments",
        ["Nombre de filiales"] = "subsidiaries",
        ["Taille de la Composition du Groupe"] = "groupSize",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Code of a label Diane may export but this table does not know: kept rather than dropped, under its own label.</summary>
    public static string Unmapped(string label) => "diane:" + label;

    public static decimal UnitFactor(string label) => label.EndsWith("kEUR", StringComparison.OrdinalIgnoreCase) ? 1000m : 1m;
}
