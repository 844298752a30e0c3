using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Finance;

/// <summary>
/// Banque de France ratios as delivered, and the Diane / DGFiP accounts with their derived
/// ratios. When both describe a fiscal year, the tax return (DGFiP) wins for the items it has.
/// </summary>
public static class Financials
{
    private static readonly (string Column, string Code)[] BanqueDeFrance =
    [
        ("poids_frng", "bdfNetWorkingCapitalWeight"), ("taux_marge", "bdfMarginRate"), ("delai_fournisseur", "bdfSupplierPaymentDays"),
        ("dette_fiscale", "bdfTaxAndSocialDebtWeight"), ("financier_court_terme", "bdfShortTermFinancingWeight"), ("frais_financier", "bdfFinancialCostsWeight"),
    ];

    public static void Compute(MonthFrame frame, CompanyFacts facts, PanelSettings settings)
    {
        var bdf = facts.BanqueDeFranceRatios.OrderBy(s => s.FiscalYearEnd).ToList();
        var bdfYears = FiscalYears.Select(frame, bdf, s => s.FiscalYearEnd, settings.FinancialFilingDelayMonths);
        foreach (var (column, code) in BanqueDeFrance)
        {
            FiscalYears.Write(frame, column, bdfYears, bdf, s => FiscalYears.Item(s, code));
        }

        var accounts = facts.DianeStatements.Select(s => s.FiscalYearEnd)
            .Concat(facts.DgfipStatements.Select(s => s.FiscalYearEnd))
            .Distinct().Order()
            .Select(end => new FiscalYearAccounts(
                end,
                facts.DgfipStatements.LastOrDefault(s => s.FiscalYearEnd == end),
                facts.DianeStatements.LastOrDefault(s => s.FiscalYearEnd == end)))
            .ToList();
        var years = FiscalYears.Select(frame, accounts, a => a.FiscalYearEnd, settings.FinancialFilingDelayMonths);
        foreach (var name in PanelSchema.FinancialItems)
        {
            FiscalYears.Write(frame, name, years, accounts, a => a.Value(name));
        }
        foreach (var name in PanelSchema.FinancialRatios)
        {
            FiscalYears.Write(frame, name, years, accounts, a => a.Ratio(name));
        }
    }
}
