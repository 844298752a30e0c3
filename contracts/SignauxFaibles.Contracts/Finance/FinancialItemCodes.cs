namespace SignauxFaibles.Contracts.Finance;

/// <summary>
/// Codes of the statement items that more than one source delivers (Diane and the DGFiP tax
/// returns), so indicators read one code whatever the origin. Amounts are in euros. Items only
/// one source has keep a code of that source's own (see the ingestion service's tables).
/// </summary>
public static class FinancialItemCodes
{
    /// <summary>Chiffre d'affaires net (H.T.).</summary>
    public const string Turnover = "turnover";

    /// <summary>Achats de marchandises.</summary>
    public const string GoodsPurchases = "goodsPurchases";

    /// <summary>Autres achats et charges externes.</summary>
    public const string OtherExternalCharges = "otherExternalCharges";

    /// <summary>Impôts, taxes et versements assimilés.</summary>
    public const string TaxesOtherThanIncome = "taxesOtherThanIncome";

    /// <summary>Charges de personnel (salaries and social charges).</summary>
    public const string StaffCosts = "staffCosts";

    /// <summary>Dotations d'exploitation aux amortissements et provisions.</summary>
    public const string DepreciationAndProvisions = "depreciationAndProvisions";

    /// <summary>Résultat d'exploitation.</summary>
    public const string OperatingResult = "operatingResult";

    /// <summary>Intérêts et charges assimilées.</summary>
    public const string InterestCharges = "interestCharges";

    /// <summary>Charges financières (total).</summary>
    public const string FinancialCharges = "financialCharges";

    /// <summary>Résultat courant avant impôts.</summary>
    public const string CurrentResultBeforeTax = "currentResultBeforeTax";

    /// <summary>Participation des salariés aux résultats.</summary>
    public const string EmployeeProfitSharing = "employeeProfitSharing";

    /// <summary>Impôts sur les bénéfices.</summary>
    public const string IncomeTax = "incomeTax";

    /// <summary>Bénéfice ou perte (net result).</summary>
    public const string NetResult = "netResult";

    /// <summary>Dettes fiscales et sociales.</summary>
    public const string TaxAndSocialDebt = "taxAndSocialDebt";
}
