using System.Collections.Frozen;
using static SignauxFaibles.Contracts.Finance.FinancialItemCodes;

namespace SignauxFaibles.Ingestion.Finance.Dgfip;

/// <summary>
/// Item code of the boxes of the normal-regime tax return (liasse 2050–2059) this platform reads
/// by name: balance-sheet liabilities (2051), income statement (2052, 2053). Other boxes are
/// kept under <c>dgfip:form:box</c>. Amounts are in euros, as filed.
/// </summary>
public static class DgfipBoxes
{
    public static readonly FrozenDictionary<(string Form, string Box), string> ByBox = new Dictionary<(string, string), string>
    {
        [("2051", "DA")] = "shareCapital",
        [("2051", "DL")] = "equity",
        [("2051", "DU")] = "bankBorrowings",
        [("2051", "DX")] = "supplierDebt",
        [("2051", "DY")] = TaxAndSocialDebt,
        [("2052", "FL")] = Turnover,
        [("2052", "FS")] = GoodsPurchases,
        [("2052", "FW")] = OtherExternalCharges,
        [("2052", "FX")] = TaxesOtherThanIncome,
        [("2052", "FY")] = Wages,
        [("2052", "FZ")] = SocialCharges,
        [("2052", "GA")] = "fixedAssetDepreciation",
        [("2052", "GG")] = OperatingResult,
        [("2052", "GR")] = InterestCharges,
        [("2052", "GU")] = FinancialCharges,
        [("2052", "GW")] = CurrentResultBeforeTax,
        [("2053", "HJ")] = EmployeeProfitSharing,
        [("2053", "HK")] = IncomeTax,
        [("2053", "HN")] = NetResult,
    }.ToFrozenDictionary();

    public const string Wages = "wages";
    public const string SocialCharges = "socialCharges";

    public static string CodeOf(string form, string box) => ByBox.GetValueOrDefault((form, box)) ?? $"dgfip:{form}:{box}";
}
