using SignauxFaibles.Synthesis.Population;
using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>A fiscal year's accounts, thousands of euros (as Diane writes them) unless said otherwise.</summary>
public sealed record FinancialStatement(
    int Year, DateOnly ClosedOn, double Headcount, double Turnover, double Exports, double Purchases, double ValueAdded, double StaffCosts,
    double Taxes, double Subsidies, double Ebitda, double Depreciation, double OperatingResult, double FinancialIncome,
    double FinancialCharges, double CurrentResult, double NetResult, double Equity, double TaxAndSocialDebt,
    double BankOverdraft, double FinancialDebt, double SelfFinancing, double WorkingCapital, double WorkingCapitalNeed,
    double SupplierDays, double ClientDays, double StockDays)
{
    /// <summary>Weight of net working capital, percent of turnover (BdF POIDS_FRNG).</summary>
    public double WorkingCapitalWeight => Percent(WorkingCapital, Turnover);

    /// <summary>Margin rate: EBE / value added, percent (BdF TX_MARGE).</summary>
    public double MarginRate => Percent(Ebitda, ValueAdded);

    public double TaxSocialDebtWeight => Percent(TaxAndSocialDebt, ValueAdded);

    public double ShortTermFinancingWeight => Percent(BankOverdraft, Turnover);

    public double FinancialCostWeight => Percent(FinancialCharges, Ebitda);

    private static double Percent(double a, double b) => Math.Abs(b) < 1e-9 ? 0 : 100 * a / b;
}

/// <summary>
/// Closes a fiscal year from the months the simulation lived through: activity follows headcount
/// and health, staff costs follow the wage bill, equity carries the results of earlier years.
/// </summary>
public sealed class Accounts(Company company, Rng rng)
{
    private double _equity = double.NaN;

    public FinancialStatement Close(int year, double meanHeadcount, double meanHealth, double wageBillEuros, double subsidiesEuros, double urssafDebtEuros)
    {
        var sector = company.Sector;
        var staff = wageBillEuros * 1.42 / 1000; // gross wages plus employer charges, k€
        // Labour's share of value added: about two thirds in a sound company, more when it struggles.
        var labourShare = Math.Clamp(0.66 - 0.08 * meanHealth - 0.04 * company.Quality + 0.04 * rng.Normal(), 0.35, 1.4);
        var valueAdded = Math.Max(1, staff) / labourShare;
        var turnover = valueAdded / sector.ValueAddedRate * rng.LogNormal(1, 0.05);
        var taxes = 0.03 * valueAdded;
        var subsidies = subsidiesEuros / 1000;
        var ebitda = valueAdded - staff - taxes + subsidies;
        var depreciation = 0.035 * turnover;
        var operating = ebitda - depreciation;
        var financialDebt = turnover * 0.18 * (1 + Math.Max(0, -meanHealth) * 0.6);
        var financialCharges = financialDebt * 0.035;
        var financialIncome = turnover * 0.002;
        var current = operating + financialIncome - financialCharges;
        var net = current > 0 ? current * 0.75 : current;
        if (double.IsNaN(_equity)) _equity = turnover * Math.Clamp(0.25 + 0.08 * company.Quality, 0.03, 0.6);
        _equity += net - (net > 0 ? net * 0.3 : 0); // a third of profits paid out
        var overdraft = turnover * (0.01 + 0.05 * Math.Max(0, -meanHealth)) * rng.LogNormal(1, 0.2);
        var taxSocial = urssafDebtEuros / 1000 + staff * 0.12;
        var need = turnover * 0.12 * rng.LogNormal(1, 0.15);
        var workingCapital = _equity + financialDebt - turnover * 0.25;
        var supplierDays = Math.Max(10, 50 + 25 * Math.Max(0, -meanHealth) + 6 * rng.Normal());
        var clientDays = Math.Max(0, 45 + 8 * rng.Normal());
        var stockDays = sector.Section is 'C' or 'G' ? Math.Max(0, 40 + 10 * rng.Normal()) : Math.Max(0, 5 + 3 * rng.Normal());
        var exports = sector.Section == 'C' ? turnover * rng.Uniform(0, 0.4) : 0;
        return new FinancialStatement(year, new DateOnly(year, 12, 31), meanHeadcount, turnover, exports, turnover - valueAdded, valueAdded, staff,
            taxes, subsidies, ebitda, depreciation, operating, financialIncome, financialCharges, current, net, _equity, taxSocial,
            overdraft, financialDebt, net + depreciation, workingCapital, need, supplierDays, clientDays, stockDays);
    }
}
