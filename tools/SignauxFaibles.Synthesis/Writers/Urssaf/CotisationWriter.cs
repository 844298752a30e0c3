using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Urssaf;

/// <summary>
/// sigfaible_cotisdues: contributions due per account and month, one file per month. <c>mer</c> is
/// the amount put into collection, <c>enc_direct</c> what was paid on time (due minus the debt
/// opened for that period), amounts in euros with a decimal comma. A month the establishment did not
/// declare has no line.
/// </summary>
public sealed class CotisationWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Urssaf_gestion;Dep;Siret;Compte;periode;mer;enc_direct;cotis_due";

    private readonly Deliveries _files = new(
        k => folder.Create($"urssaf/sigfaible_cotisdues_{Formats.YearMonth(new Month(k))}.csv", Header, new UTF8Encoding(false)),
        options.From.Index, options.To.Index);

    public void Write(CompanyLife life)
    {
        var unpaid = new Dictionary<(int, int), long>();
        foreach (var line in life.Debts)
        {
            var key = (line.Establishment, line.Period.Index);
            unpaid[key] = unpaid.GetValueOrDefault(key) + line.Steps[0].EmployeeCents + line.Steps[0].EmployerCents;
        }
        var establishments = life.Company.Establishments;
        for (var m = life.FirstMonth; m <= life.LastMonth; m = m.Add(1))
        {
            var file = _files.For(m.Index)!;
            var k = m - options.From;
            for (var e = 0; e < establishments.Count; e++)
            {
                var due = life.ContributionsDue[e][k];
                if (due <= 0 || life.Undeclared[e][k]) continue;
                var est = establishments[e];
                var w = file.Out;
                w.Write(est.UrssafCode); w.Write(';');
                w.Write(est.Departement.Code); w.Write(';');
                w.Write(est.Siret); w.Write(';');
                w.Write(est.Account); w.Write(';');
                w.WriteInt(Formats.UrssafPeriod(m)); w.Write(';');
                var cents = (long)Math.Round(due * 100);
                w.WriteCents(cents, ','); w.Write(';');
                w.WriteCents(Math.Max(0, cents - unpaid.GetValueOrDefault((e, m.Index))), ','); w.Write(';');
                w.WriteCents(cents, ',');
                file.EndRow();
            }
        }
    }
}
