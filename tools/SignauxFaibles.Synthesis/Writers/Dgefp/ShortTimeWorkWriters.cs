using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Dgefp;

/// <summary>
/// DGEFP short-time work requests (demande_ap), CSV as the DARES extracts: comma-separated, text
/// quoted, numbers bare with a decimal point; one file per year of decision.
/// </summary>
public sealed class DemandeWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "\"ID_DA\",\"ETAB_SIRET\",\"EFF_ENT\",\"EFF_ETAB\",\"DATE_STATUT\",\"DATE_DEB\",\"DATE_FIN\",\"HTA\",\"MTA\",\"EFF_AUTO\",\"MOTIF_RECOURS_SE\",\"PERIMETRE_AP\",\"S_HEURE_CONSOM_TOT\",\"S_EFF_CONSOM_TOT\",\"S_MONTANT_CONSOM_TOT\",\"RECOURS_ANTERIEUR\"";

    private readonly Deliveries _files = new(
        y => folder.Create($"dgefp/demande_ap_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        foreach (var r in life.ShortTimeWork)
        {
            if (r.DecidedOn > options.To.LastDay || _files.For(r.DecidedOn.Year) is not { } file) continue;
            double hours = 0, amount = 0, employees = 0;
            foreach (var c in r.Consumption) (hours, amount, employees) = (hours + c.Hours, amount + c.Amount, employees + c.Employees);
            var siret = life.Company.Establishments[r.Establishment].Siret;
            file.Out.Write($"\"{r.Id}\",\"{siret}\",{r.CompanyHeadcount}.0,{r.EstablishmentHeadcount}.0,\"{Formats.Iso(r.DecidedOn)}\",\"{Formats.Iso(r.Start)}\",\"{Formats.Iso(r.End)}\",");
            file.Out.Write($"{Formats.Decimal(r.HoursAuthorised, 2, '.')},{Formats.Decimal(r.AmountAuthorised, 2, '.')},{r.EmployeesAuthorised}.0,\"{r.Reason}\",\"{r.Perimeter}\",");
            file.Out.Write($"{Formats.Decimal(hours, 2, '.')},{employees}.0,{Formats.Decimal(amount, 2, '.')},\"{r.PriorUse}\"");
            file.EndRow();
        }
    }
}

/// <summary>DGEFP short-time work consumption (consommation_ap): hours, amount and employees per request and month; one file per year.</summary>
public sealed class ConsommationWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "\"ID_DA\",\"ETAB_SIRET\",\"HEURES\",\"MONTANTS\",\"EFFECTIFS\",\"MOIS\"";

    private readonly Deliveries _files = new(
        y => folder.Create($"dgefp/consommation_ap_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        foreach (var r in life.ShortTimeWork)
        {
            var siret = life.Company.Establishments[r.Establishment].Siret;
            foreach (var c in r.Consumption)
            {
                if (_files.For(c.Month.Year) is not { } file) continue;
                file.Out.Write($"\"{r.Id}\",\"{siret}\",{Formats.Decimal(c.Hours, 2, '.')},{Formats.Decimal(c.Amount, 2, '.')},{c.Employees}.0,\"{Formats.Iso(c.Month.FirstDay)}\"");
                file.EndRow();
            }
        }
    }
}
