using SignauxFaibles.Contracts.Finance;
using static SignauxFaibles.Indicators.Finance.FiscalYears;

namespace SignauxFaibles.Indicators.Finance;

/// <summary>
/// The accounts of one fiscal year from the tax return and/or Diane, read as the panel's items.
/// Items neither source delivers directly are derived the usual way (e.g. EBE = operating result
/// + depreciation); what cannot be derived stays missing.
/// </summary>
public sealed record FiscalYearAccounts(DateOnly FiscalYearEnd, FinancialStatement? Dgfip, FinancialStatement? Diane)
{
    private double Either(string code) => Item(Dgfip, code) is var v && !double.IsNaN(v) ? v : Item(Diane, code);

    private double Depreciation() => Either(FinancialItemCodes.DepreciationAndProvisions) is var d && !double.IsNaN(d) ? d : Item(Dgfip, "fixedAssetDepreciation");

    public double Value(string name) => name switch
    {
        "ca" => Either(FinancialItemCodes.Turnover),
        "excedent_brut_d_exploitation" => Item(Diane, "grossOperatingSurplus") is var ebe && !double.IsNaN(ebe)
            ? ebe
            : Either(FinancialItemCodes.OperatingResult) + Depreciation(),
        "benefice_ou_perte" => Either(FinancialItemCodes.NetResult),
        "fonds_propres" => Item(Dgfip, "equity"),
        "dette_a_terme" => Item(Dgfip, "bankBorrowings"),
        // Simplified self-financing capacity: net result plus depreciation and provisions.
        "capacite_autofinancement" => Either(FinancialItemCodes.NetResult) + Depreciation(),
        // Diane gives the working capital need in days of turnover.
        "besoin_fonds_roulement" => Item(Diane, "turnoverCoverByWorkingCapitalNeedDays") * Either(FinancialItemCodes.Turnover) / 360,
        "charge_personnel" => Either(FinancialItemCodes.StaffCosts) is var s && !double.IsNaN(s)
            ? s
            : Item(Dgfip, "wages") + Item(Dgfip, "socialCharges"),
        "valeur_ajoutee" => Item(Diane, "valueAdded"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a financial item of the panel"),
    };

    public double Ratio(string name) => name switch
    {
        // No cash item is delivered by both sources: net debt is read as term debt.
        "dette_nette_sur_caf" => Divide(Value("dette_a_terme"), Value("capacite_autofinancement")),
        "dette_a_terme_sur_fonds_propres" => Divide(Value("dette_a_terme"), Value("fonds_propres")),
        "ebe_sur_ca" => Divide(Value("excedent_brut_d_exploitation"), Value("ca")),
        "va_sur_effectif" => Divide(Value("valeur_ajoutee"), Item(Diane, "consolidatedHeadcount")),
        "charges_personnel_sur_va" => Divide(Value("charge_personnel"), Value("valeur_ajoutee")),
        "liquidite_generale" => Item(Diane, "currentRatio"),
        "fonds_propres_sur_capital" => Divide(Value("fonds_propres"), Item(Dgfip, "shareCapital")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a financial ratio of the panel"),
    };

    private static double Divide(double a, double b) => b == 0 ? double.NaN : a / b;
}
