using System.Globalization;
using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Altares;

/// <summary>
/// Altares paydex: the monthly increment as Altares delivers it (ISO-8859-15, 31 columns, one row
/// per measured company valued on the 15th), ending with the trailer line
/// <c>Fin du fichier : total N ligne(s)</c> that states the row count. Identity columns the
/// simulation does not model (names, addresses) are left empty.
/// </summary>
public sealed class PaydexWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public static readonly string Header = string.Join(';',
        "Référence Client", "Siren", "Siret", "Raison sociale 1", "Raison sociale 2", "Enseigne", "Sigle", "Complément d'adresse",
        "Adresse", "Distribution spéciale", "Code postal et bureau distributeur", "Pays", "Code postal", "Ville", "Qualité Etablissement",
        "Code type d'établissement", "Libellé type d'établissement", "Etat d'activité établissement", "Etat d'activité entreprise",
        "Etat de procédure collective", "Diffusible", "Paydex", "Retard moyen de paiements (j)", "Nombre de fournisseurs analysés",
        "Montant total des encours étudiés (€)", "Montant total des encours échus non réglés (€)", "FPI 30+", "FPI 90+",
        "Code du mouvement", "Libellé du mouvement", "Date d'effet du mouvement") + ";";

    public static string Trailer(long rows) => string.Create(CultureInfo.InvariantCulture, $"Fin du fichier : total {rows} ligne(s)");

    private static readonly Encoding Latin9 = Latin9Encoding();

    // ISO-8859-15 (with €) is not built into .NET: it comes from the code-pages provider.
    private static Encoding Latin9Encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("iso-8859-15");
    }

    private readonly Deliveries _files = new(
        k => folder.Create($"altares/paydex_{Formats.YearMonth(new Month(k))}.csv", Header, Latin9, "\n", Trailer),
        options.From.Index, options.To.Index);

    public void Write(CompanyLife life)
    {
        if (!life.Company.InPaydex) return;
        var rng = Randomness.Rng.For(options.Seed, 8, (ulong)life.Company.Index);
        var suppliers = rng.Between(2, 40);
        for (var m = life.FirstMonth; m <= life.LastMonth; m = m.Add(1))
        {
            var days = life.PaydexDays[m - options.From];
            if (double.IsNaN(days)) continue;
            var file = _files.For(m.Index)!;
            var late = Math.Max(0, (int)Math.Round(days));
            // Paydex 80 is payment on terms; each ~15 days late costs ten points (Dun & Bradstreet's scale).
            var paydex = Math.Clamp(80 - late * 2 / 3, 1, 100);
            var studied = rng.Between(5, 2_000) * 1_000L;
            var overdueShare = Math.Min(1.0, late / 120.0);
            var w = file.Out;
            w.Write("C"); w.WriteInt(life.Company.Index); w.Write(';');
            w.Write(life.Company.Siren); w.Write(";;;;;;;;;;;;;;;;;;;O;");
            w.WriteInt(paydex); w.Write(';');
            w.WriteInt(late); w.Write(';');
            w.WriteInt(suppliers); w.Write(';');
            w.WriteInt(studied); w.Write(';');
            w.WriteInt((long)(studied * overdueShare)); w.Write(';');
            w.WriteInt((int)Math.Round(100 * Math.Min(1.0, late / 60.0))); w.Write(';');
            w.WriteInt((int)Math.Round(100 * Math.Min(1.0, late / 180.0))); w.Write(";M1;Mise à jour;15/");
            w.Write((char)('0' + m.Number / 10)); w.Write((char)('0' + m.Number % 10)); w.Write('/');
            w.WriteInt(m.Year); w.Write(';');
            file.EndRow();
        }
    }
}

/// <summary>
/// Altares legal announcements (BODACC), one file per year of publication: each proceeding event
/// on the head office, published one to three weeks after it takes effect. Journal "BODA"; event
/// codes: PCL01 opening of sauvegarde, PCL02 of redressement, PCL03 of liquidation, PCL04 plan,
/// PCL05 closing of the proceeding (codes of this generator, documented in the README).
/// </summary>
public sealed class BodaccWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Siret,Date d'effet,Date parution,Code du journal,Code de la nature de l'événement";

    private readonly Deliveries _files = new(
        y => folder.Create($"altares/altares_bodacc_{y}.csv", Header, new UTF8Encoding(false)), options.From.Year, options.To.Year);

    public void Write(CompanyLife life)
    {
        var rng = Randomness.Rng.For(options.Seed, 7, (ulong)life.Company.Index);
        foreach (var e in life.Proceedings)
        {
            var published = e.EffectiveOn.AddDays(rng.Between(7, 21));
            if (published > options.To.LastDay || _files.For(published.Year) is not { } file) continue;
            file.Out.Write($"{life.Company.HeadOffice.Siret},{Formats.Iso(e.EffectiveOn)},{Formats.Iso(published)},BODA,{Code(e)}");
            file.EndRow();
        }
    }

    private static string Code(ProceedingEvent e) =>
        e.Stage.StartsWith("Ouverture", StringComparison.Ordinal)
            ? e.Kind switch { ProceedingKind.Sauvegarde => "PCL01", ProceedingKind.Redressement => "PCL02", _ => "PCL03" }
            : e.Stage.StartsWith("Plan", StringComparison.Ordinal) ? "PCL04" : "PCL05";
}
