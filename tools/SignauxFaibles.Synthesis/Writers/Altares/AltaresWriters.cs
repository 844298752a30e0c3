using System.Globalization;
using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Altares;

/// <summary>
/// Altares paydex: supplier payment delay per company, one monthly delivery valued on the 15th,
/// ending with the trailer line <c>Fin du fichier : total N ligne(s)</c> that states the row count.
/// Written in ISO-8859-1, which coincides with ISO-8859-15 on every character these files hold.
/// </summary>
public sealed class PaydexWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "SIREN;NB_JOURS;NB_JOURS_LIB;DATE_VALEUR";

    public static string Trailer(long rows) => string.Create(CultureInfo.InvariantCulture, $"Fin du fichier : total {rows} ligne(s)");

    private readonly Deliveries _files = new(
        k => folder.Create($"altares/paydex_{Formats.YearMonth(new Month(k))}.csv", Header, Encoding.Latin1, "\n", Trailer),
        options.From.Index, options.To.Index);

    public void Write(CompanyLife life)
    {
        if (!life.Company.InPaydex) return;
        for (var m = life.FirstMonth; m <= life.LastMonth; m = m.Add(1))
        {
            var days = life.PaydexDays[m - options.From];
            if (double.IsNaN(days)) continue;
            var file = _files.For(m.Index)!;
            var n = (int)Math.Round(days);
            var w = file.Out;
            w.Write(life.Company.Siren); w.Write(';');
            w.WriteInt(n); w.Write(';');
            w.WriteInt(n); w.Write(" jours;15/");
            w.Write((char)('0' + m.Number / 10)); w.Write((char)('0' + m.Number % 10)); w.Write('/');
            w.WriteInt(m.Year);
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
