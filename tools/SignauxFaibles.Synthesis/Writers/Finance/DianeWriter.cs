using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Finance;

/// <summary>
/// Diane (Bureau van Dijk) exports: one export per fiscal year, in the current 82-column layout
/// (one column per item for that year). UTF-16LE with BOM, ';', every field quoted, decimal comma,
/// CRLF, amounts in thousands of euros. Items the simulation does not model (R&amp;D, group
/// structure, exceptional items…) are left empty, as Diane leaves what a company did not file.
/// </summary>
public sealed class DianeWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    private static readonly string[] Columns =
    [
        "Marquée",
        "Nom de l'entreprise",
        "Numéro Siren",
        "Statut juridique ",
        "Procédure collective",
        "Effectif consolidé {Y}",
        "Dettes fiscales et sociales kEUR {Y}",
        "Frais de R&D : net kEUR {Y}",
        "Conces., brev. et droits sim. : net kEUR {Y}",
        "Nombre d’ES",
        "Nombre de filiales",
        "Taille de la Composition du Groupe",
        "Dernière année disponible",
        "Date de clôture {Y}",
        "Nombre de mois {Y}",
        "Conc. banc. cour. & sold. cr. kEUR {Y}",
        "Equilibre financier {Y}",
        "Indépendance fin. % {Y}",
        "Endettement % {Y}",
        "Autonomie fin. % {Y}",
        "Degré d'amort. des immob. corp. % {Y}",
        "Financ. de l'actif circ. net {Y}",
        "Liquidité générale {Y}",
        "Liquidité réduite {Y}",
        "Rotation des stocks jours {Y}",
        "Crédit clients jours {Y}",
        "Crédit fournisseurs jours {Y}",
        "C. A. par effectif (milliers/pers.) kEUR {Y}",
        "Taux d'intérêt financier % {Y}",
        "Intérêts / Chiffre d'affaires % {Y}",
        "Endettement global jours {Y}",
        "Taux d'endettement % {Y}",
        "Capacité de remboursement {Y}",
        "Capacité d'autofin. % {Y}",
        "Couv. du C.A. par le f.d.r. jours {Y}",
        "Couv. du C.A. par bes. en fdr jours {Y}",
        "Poids des BFR d'exploitation % {Y}",
        "Exportation % {Y}",
        "Efficacité économique (milliers/pers.) kEUR {Y}",
        "Prod. du potentiel de production {Y}",
        "Productivité du capital financier {Y}",
        "Productivité du capital investi {Y}",
        "Taux d'invest. productif % {Y}",
        "Rentabilité économique % {Y}",
        "Performance % {Y}",
        "Rend. brut des f. propres nets % {Y}",
        "Rentabilité nette % {Y}",
        "Rend. des capitaux propres nets % {Y}",
        "Rend. des res. durables nettes % {Y}",
        "Taux de marge commerciale % {Y}",
        "Taux de valeur ajoutée % {Y}",
        "Part des salariés % {Y}",
        "Part de l'Etat % {Y}",
        "Part des prêteurs % {Y}",
        "Part de l'autofin. % {Y}",
        "Chiffre d'affaires net (H.T.) kEUR {Y}",
        "Dont exportation kEUR {Y}",
        "Achats march. et autres approv. kEUR {Y}",
        "Achats de march. kEUR {Y}",
        "Achats de mat. prem. et autres approv. kEUR {Y}",
        "Production de l'ex. kEUR {Y}",
        "Marge commerciale kEUR {Y}",
        "Consommation de l'ex. kEUR {Y}",
        "Autres achats et charges externes kEUR {Y}",
        "Valeur ajoutée kEUR {Y}",
        "Charges de personnel kEUR {Y}",
        "Impôts, taxes et vers. assimil. kEUR {Y}",
        "Subventions d'expl. kEUR {Y}",
        "Excédent brut d'exploitation kEUR {Y}",
        "Autres Prod., char. et Repr. kEUR {Y}",
        "Dot. d'exploit. aux amort. et  prov. kEUR {Y}",
        "Résultat d'expl. kEUR {Y}",
        "Opérations en commun kEUR {Y}",
        "Produits fin. kEUR {Y}",
        "Charges fin. kEUR {Y}",
        "Intérêts et charges assimilées kEUR {Y}",
        "Résultat courant avant impôts kEUR {Y}",
        "Produits except. kEUR {Y}",
        "Charges except. kEUR {Y}",
        "Particip. des sal. aux résul. kEUR {Y}",
        "Impôts sur le bénéf. et impôts diff. kEUR {Y}",
        "Bénéfice ou perte kEUR {Y}",
    ];

    private static readonly Dictionary<string, Cell> Values = new()
    {
        ["Nom de l'entreprise"] = T((l, _) => l.Company.Name),
        ["Numéro Siren"] = T((l, _) => l.Company.Siren),
        ["Statut juridique "] = T((l, _) => l.Company.LegalCategory switch { "5499" => "SARL", "5599" => "SA", _ => "SAS" }),
        ["Procédure collective"] = T((l, s) => l.Proceedings.Count > 0 && l.Proceedings[0].EffectiveOn <= s.ClosedOn ? "Oui" : "Non"),
        ["Effectif consolidé {Y}"] = N(s => Math.Round(s.Headcount), 0),
        ["Dettes fiscales et sociales kEUR {Y}"] = N(s => s.TaxAndSocialDebt),
        ["Nombre d’ES"] = T((l, _) => (l.Company.Establishments.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["Dernière année disponible"] = T((l, _) => l.Statements[^1].Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["Date de clôture {Y}"] = T((_, s) => Formats.DayMonthYear(s.ClosedOn)),
        ["Nombre de mois {Y}"] = T((_, _) => "12"),
        ["Conc. banc. cour. & sold. cr. kEUR {Y}"] = N(s => s.BankOverdraft),
        ["Equilibre financier {Y}"] = N(s => (s.Equity + s.FinancialDebt) / Math.Max(1, s.Turnover * 0.25)),
        ["Indépendance fin. % {Y}"] = N(s => Ratio(s.Equity, s.Equity + s.FinancialDebt)),
        ["Endettement % {Y}"] = N(s => Ratio(s.FinancialDebt, s.Equity)),
        ["Autonomie fin. % {Y}"] = N(s => Ratio(s.Equity, s.Turnover * 0.6)),
        ["Liquidité générale {Y}"] = N(s => (s.WorkingCapitalNeed + s.WorkingCapital + s.BankOverdraft) / Math.Max(1, s.WorkingCapitalNeed + s.BankOverdraft)),
        ["Liquidité réduite {Y}"] = N(s => 0.7 * (s.WorkingCapitalNeed + s.WorkingCapital + s.BankOverdraft) / Math.Max(1, s.WorkingCapitalNeed + s.BankOverdraft)),
        ["Rotation des stocks jours {Y}"] = N(s => s.StockDays),
        ["Crédit clients jours {Y}"] = N(s => s.ClientDays),
        ["Crédit fournisseurs jours {Y}"] = N(s => s.SupplierDays),
        ["C. A. par effectif (milliers/pers.) kEUR {Y}"] = N(s => s.Turnover / Math.Max(1, s.Headcount)),
        ["Taux d'intérêt financier % {Y}"] = N(s => Ratio(s.FinancialCharges, s.FinancialDebt)),
        ["Intérêts / Chiffre d'affaires % {Y}"] = N(s => Ratio(s.FinancialCharges, s.Turnover)),
        ["Taux d'endettement % {Y}"] = N(s => Ratio(s.FinancialDebt + s.BankOverdraft, s.Equity)),
        ["Capacité de remboursement {Y}"] = N(s => s.FinancialDebt / (Math.Abs(s.SelfFinancing) < 1e-6 ? 1e-6 : s.SelfFinancing)),
        ["Capacité d'autofin. % {Y}"] = N(s => Ratio(s.SelfFinancing, s.Turnover)),
        ["Couv. du C.A. par le f.d.r. jours {Y}"] = N(s => 360 * s.WorkingCapital / Math.Max(1, s.Turnover)),
        ["Couv. du C.A. par bes. en fdr jours {Y}"] = N(s => 360 * s.WorkingCapitalNeed / Math.Max(1, s.Turnover)),
        ["Exportation % {Y}"] = N(s => Ratio(s.Exports, s.Turnover)),
        ["Efficacité économique (milliers/pers.) kEUR {Y}"] = N(s => s.ValueAdded / Math.Max(1, s.Headcount)),
        ["Rentabilité économique % {Y}"] = N(s => Ratio(s.Ebitda, s.Turnover * 0.6)),
        ["Rentabilité nette % {Y}"] = N(s => Ratio(s.NetResult, s.Turnover)),
        ["Rend. des capitaux propres nets % {Y}"] = N(s => Ratio(s.NetResult, s.Equity)),
        ["Taux de valeur ajoutée % {Y}"] = N(s => Ratio(s.ValueAdded, s.Turnover)),
        ["Part des salariés % {Y}"] = N(s => Ratio(s.StaffCosts, s.ValueAdded)),
        ["Part de l'Etat % {Y}"] = N(s => Ratio(s.Taxes, s.ValueAdded)),
        ["Part des prêteurs % {Y}"] = N(s => Ratio(s.FinancialCharges, s.ValueAdded)),
        ["Part de l'autofin. % {Y}"] = N(s => Ratio(s.SelfFinancing, s.ValueAdded)),
        ["Chiffre d'affaires net (H.T.) kEUR {Y}"] = N(s => s.Turnover),
        ["Dont exportation kEUR {Y}"] = N(s => s.Exports),
        ["Achats march. et autres approv. kEUR {Y}"] = N(s => s.Purchases),
        ["Valeur ajoutée kEUR {Y}"] = N(s => s.ValueAdded),
        ["Charges de personnel kEUR {Y}"] = N(s => s.StaffCosts),
        ["Impôts, taxes et vers. assimil. kEUR {Y}"] = N(s => s.Taxes),
        ["Subventions d'expl. kEUR {Y}"] = N(s => s.Subsidies),
        ["Excédent brut d'exploitation kEUR {Y}"] = N(s => s.Ebitda),
        ["Dot. d'exploit. aux amort. et  prov. kEUR {Y}"] = N(s => s.Depreciation),
        ["Résultat d'expl. kEUR {Y}"] = N(s => s.OperatingResult),
        ["Produits fin. kEUR {Y}"] = N(s => s.FinancialIncome),
        ["Charges fin. kEUR {Y}"] = N(s => s.FinancialCharges),
        ["Intérêts et charges assimilées kEUR {Y}"] = N(s => s.FinancialCharges),
        ["Résultat courant avant impôts kEUR {Y}"] = N(s => s.CurrentResult),
        ["Impôts sur le bénéf. et impôts diff. kEUR {Y}"] = N(s => s.CurrentResult > 0 ? s.CurrentResult * 0.25 : 0),
        ["Bénéfice ou perte kEUR {Y}"] = N(s => s.NetResult),
    };

    private readonly Deliveries _files = new(
        y => folder.Create($"diane/diane_export_{y}.txt", string.Join(';', Columns.Select(c => Quote(c.Replace("{Y}", y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))),
            new UnicodeEncoding(bigEndian: false, byteOrderMark: true), "\r\n"),
        options.From.Year, options.To.Year);

    // Resolved once: a Diane row has 82 cells and there is one row per company and year.
    private static readonly Cell?[] ValueOfColumn = [.. Columns.Select(c => Values.TryGetValue(c, out var f) ? f : null)];

    /// <summary>How a cell is filled: a text, or a number written straight to the file (no string per cell: 82 cells a row).</summary>
    private sealed record Cell(Func<CompanyLife, FinancialStatement, string>? Text, Func<FinancialStatement, double>? Number, int Decimals);

    private static Cell T(Func<CompanyLife, FinancialStatement, string> text) => new(text, null, 0);

    private static Cell N(Func<FinancialStatement, double> number, int decimals = 2) => new(null, number, decimals);

    public void Write(CompanyLife life)
    {
        if (!life.Company.InDiane) return;
        foreach (var s in life.Statements)
        {
            if (_files.For(s.Year) is not { } file) continue;
            var w = file.Out;
            for (var i = 0; i < ValueOfColumn.Length; i++)
            {
                if (i > 0) w.Write(';');
                w.Write('"');
                if (ValueOfColumn[i] is { Text: { } text }) w.Write(text(life, s)); // our texts hold no quote
                else if (ValueOfColumn[i] is { Number: { } number } cell) w.WriteDecimal(Math.Clamp(number(s), -1e9, 1e9), cell.Decimals, ',');
                w.Write('"');
            }
            file.EndRow();
        }
    }

    private static string Quote(string v) => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static double Ratio(double a, double b) => Math.Abs(b) < 1e-9 ? 0 : 100 * a / b;
}
