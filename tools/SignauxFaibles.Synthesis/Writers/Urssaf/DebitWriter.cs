using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Urssaf;

/// <summary>
/// sigfaible_debits: every step of every debt line, in the file of the month it was processed.
/// Amounts remaining after the step, in cents, employee (PO) and employer (PP) shares.
/// </summary>
public sealed class DebitWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours";

    private readonly Deliveries _files = new(
        k => folder.Create($"urssaf/sigfaible_debits_{Formats.YearMonth(new Month(k))}.csv", Header, new UTF8Encoding(false)),
        options.From.Index, options.To.Index);

    public void Write(CompanyLife life)
    {
        var company = life.Company;
        foreach (var line in life.Debts)
        {
            var est = company.Establishments[line.Establishment];
            for (var h = 0; h < line.Steps.Count; h++)
            {
                var step = line.Steps[h];
                if (_files.For(Month.From(step.ProcessedOn).Index) is not { } file) continue;
                var w = file.Out;
                w.Write(est.UrssafCode); w.Write(';');
                w.Write(est.Departement.Code); w.Write(';');
                w.Write(est.Account); w.Write(';');
                w.Write(company.Siren); w.Write(';');
                w.Write(est.Siret); w.Write(';');
                w.WriteInt(Formats.Compact(est.CreatedOn)); w.Write(';');
                w.WriteInt(step.AccountState); w.Write(';');
                w.WriteInt(step.ProceedingCode); w.Write(';');
                w.WriteInt(Formats.UrssafPeriod(line.Period)); w.Write(';');
                w.WriteInt(line.Number); w.Write(';');
                w.WriteInt(h + 1); w.Write(';');
                w.WriteInt(Formats.UrssafDate(step.ProcessedOn)); w.Write(';');
                w.WriteInt(step.EmployeeCents); w.Write(';');
                w.WriteInt(step.EmployerCents); w.Write(';');
                w.WriteInt(step.Operation); w.Write(';');
                w.WriteInt(line.Reason); w.Write(';');
                w.Write('0');
                file.EndRow();
            }
        }
    }
}
