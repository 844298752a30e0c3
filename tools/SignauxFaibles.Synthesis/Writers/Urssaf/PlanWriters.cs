using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Urssaf;

/// <summary>sigfaible_delais: payment plans granted, one file per year of grant; dates dd/MM/yyyy, amount in euros.</summary>
public sealed class DelaiWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Urssaf_gestion;Dep;Siret;Numero_compte_externe;Numero_structure;Date_creation;Date_echeance;Duree_delai;Denomination_premiere_ligne;Indic_6M;Annee_creation;Montant_global_echeancier;Code_externe_stade;Code_externe_action";

    private readonly Deliveries _files = new(
        y => folder.Create($"urssaf/sigfaible_delais_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        foreach (var plan in life.PaymentPlans)
        {
            if (_files.For(plan.GrantedOn.Year) is not { } file) continue;
            var est = life.Company.Establishments[plan.Establishment];
            var w = file.Out;
            w.Write($"{est.UrssafCode};{est.Departement.Code};{est.Siret};{est.Account};{plan.CaseNumber};");
            w.Write($"{Formats.DayMonthYear(plan.GrantedOn)};{Formats.DayMonthYear(plan.GrantedOn.AddDays(plan.Days))};{plan.Days};");
            w.Write($"{life.Company.Name};{(plan.Days > 180 ? "SUP" : "INF")};{plan.GrantedOn.Year};");
            w.Write($"{Formats.Decimal((double)plan.Amount, 2, '.')};APPROB;DELAI");
            file.EndRow();
        }
    }
}

/// <summary>sigfaible_ccsf: the steps of plans of the tax and social creditors' committee, one file per year.</summary>
public sealed class CcsfWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Urssaf_gestion;Dep;Siret;Compte;Date_de_traitement;Code_externe_stade;Code_externe_action";

    private readonly Deliveries _files = new(
        y => folder.Create($"urssaf/sigfaible_ccsf_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        foreach (var step in life.CcsfSteps)
        {
            if (_files.For(step.ProcessedOn.Year) is not { } file) continue;
            var est = life.Company.Establishments[step.Establishment];
            file.Out.Write($"{est.UrssafCode};{est.Departement.Code};{est.Siret};{est.Account};{Formats.UrssafDate(step.ProcessedOn)};{step.Stage};CCSF");
            file.EndRow();
        }
    }
}

/// <summary>sigfaible_pcoll: the collective proceedings URSSAF learns of, one file per year, on the head office.</summary>
public sealed class ProcolWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Siret;Siren;Dt_effet;Cat_v2;Lib_actx_stdx";

    private readonly Deliveries _files = new(
        y => folder.Create($"urssaf/sigfaible_pcoll_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        foreach (var e in life.Proceedings)
        {
            if (_files.For(e.EffectiveOn.Year) is not { } file) continue;
            file.Out.Write($"{life.Company.HeadOffice.Siret};{life.Company.Siren};{Formats.SasDate(e.EffectiveOn)};1;{e.Stage}");
            file.EndRow();
        }
    }
}
