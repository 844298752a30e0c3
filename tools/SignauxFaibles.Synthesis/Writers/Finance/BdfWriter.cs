using System.Text;
using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.Population;

namespace SignauxFaibles.Synthesis.Writers.Finance;

/// <summary>
/// Banque de France ratios: one row per rated company and closed fiscal year, in the file of the
/// year after the closing (when the balance sheet becomes known). D1 is the SIREN written in
/// groups of three; ratios with a decimal point.
/// </summary>
public sealed class BdfWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "D1;ANNEE;ARRETE_BILAN;DENOM;CP;REGION;SECTEUR;POIDS_FRNG;TX_MARGE;DELAI_FRS;POIDS_DFISC_SOC;POIDS_FIN_CT;POIDS_FRAIS_FIN";

    private readonly Deliveries _files = new(
        y => folder.Create($"banque_de_france/bdf_ratios_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        var company = life.Company;
        if (!company.InBdf) return;
        var siren = $"{company.Siren[..3]} {company.Siren[3..6]} {company.Siren[6..]}";
        foreach (var s in life.Statements)
        {
            if (_files.For(s.Year + 1) is not { } file) continue;
            file.Out.Write($"{siren};{s.Year + 1};{Formats.SasDate(s.ClosedOn)};{company.Name};{company.HeadOffice.PostCode};");
            file.Out.Write($"{Departements.RegionNames[company.Departement.Region]};{company.Sector.BdfLabel};");
            file.Out.Write($"{R(s.WorkingCapitalWeight)};{R(s.MarginRate)};{R(s.SupplierDays)};{R(s.TaxSocialDebtWeight)};{R(s.ShortTermFinancingWeight)};{R(s.FinancialCostWeight)}");
            file.EndRow();
        }
    }

    private static string R(double v) => Formats.Decimal(Math.Clamp(v, -9999, 9999), 1, '.');
}
