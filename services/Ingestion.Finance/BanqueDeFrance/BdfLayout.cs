using SignauxFaibles.Contracts.Finance;

namespace SignauxFaibles.Ingestion.Finance.BanqueDeFrance;

/// <summary>Columns of the Banque de France ratios file (sources.md), and the item code of each ratio.</summary>
public static class BdfLayout
{
    public const string Siren = "D1";
    public const string Year = "ANNEE";
    public const string BalanceSheetDate = "ARRETE_BILAN";
    public const string Name = "DENOM";
    public const string PostCode = "CP";
    public const string Region = "REGION";
    public const string Sector = "SECTEUR";

    /// <summary>The six ratios, column → item code. Ratios are percentages, the supplier delay days; kept as delivered.</summary>
    public static readonly IReadOnlyList<(string Column, string Item)> Ratios =
    [
        ("POIDS_FRNG", "bdfNetWorkingCapitalWeight"),
        ("TX_MARGE", "bdfMarginRate"),
        ("DELAI_FRS", "bdfSupplierPaymentDays"),
        ("POIDS_DFISC_SOC", "bdfTaxAndSocialDebtWeight"),
        ("POIDS_FIN_CT", "bdfShortTermFinancingWeight"),
        ("POIDS_FRAIS_FIN", "bdfFinancialCostsWeight"),
    ];

    public static readonly string[] Required = [Siren, BalanceSheetDate, .. Ratios.Select(r => r.Column)];

    public static readonly string[] Current = [Siren, Year, BalanceSheetDate, Name, PostCode, Region, Sector, .. Ratios.Select(r => r.Column)];
}
