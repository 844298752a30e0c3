using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Urssaf;

/// <summary>
/// URSSAF's wide headcount files are delivered quarterly: each holds the months of one calendar
/// quarter (eff + AAAAQM columns), is named after the quarter's last month and so arrives on the 10th
/// of the month after it (<see cref="GroundTruth.DeliverySchedule"/>); the quarter still running at
/// the window's end is delivered with the months it has. A list dated month M therefore knows the
/// headcounts of the last closed quarter only, as the service does.
/// </summary>
internal sealed class QuarterlyHeadcountFiles
{
    private readonly SynthesisOptions _options;
    private readonly DeliveryFile[] _files;

    public QuarterlyHeadcountFiles(DeliveryFolder folder, SynthesisOptions options, string pathPrefix, Func<string, string> header)
    {
        _options = options;
        _files = [.. Quarters(options).Select(q => folder.Create(
            $"{pathPrefix}_{Formats.YearMonth(q.Last)}.csv", header(MonthColumns(q.First, q.Last)), new UTF8Encoding(false)))];
    }

    /// <summary>The window's quarters, clipped to it: (first month, last month).</summary>
    public static IEnumerable<(Month First, Month Last)> Quarters(SynthesisOptions options)
    {
        for (var q = options.From.Index / 3; q <= options.To.Index / 3; q++)
        {
            var first = new Month(Math.Max(q * 3, options.From.Index));
            var last = new Month(Math.Min(q * 3 + 2, options.To.Index));
            yield return (first, last);
        }
    }

    /// <summary>
    /// Writes one row in every quarter's file where <paramref name="headcountAt"/> (window offset →
    /// headcount, negative = unknown) knows at least one month: <paramref name="prefix"/>, the
    /// quarter's cells, then <paramref name="suffix"/>.
    /// </summary>
    public void Write(Func<int, int> headcountAt, string prefix, string suffix)
    {
        var quarter = 0;
        foreach (var (first, last) in Quarters(_options))
        {
            var file = _files[quarter++];
            var (from, to) = (first - _options.From, last - _options.From);
            var known = false;
            for (var k = from; k <= to && !known; k++) known = headcountAt(k) >= 0;
            if (!known) continue;
            var w = file.Out;
            w.Write(prefix);
            for (var k = from; k <= to; k++)
            {
                if (k > from) w.Write(';');
                var headcount = headcountAt(k);
                if (headcount >= 1000) w.Write(Formats.Headcount(headcount));
                else if (headcount >= 0) w.WriteInt(headcount);
            }
            w.Write(suffix);
            file.EndRow();
        }
    }

    private static string MonthColumns(Month first, Month last)
    {
        var header = new StringBuilder();
        for (var m = first; m <= last; m = m.Add(1)) header.Append(header.Length == 0 ? "" : ";").Append("eff").Append(Formats.UrssafPeriod(m));
        return header.ToString();
    }
}

/// <summary>sigfaible_effectif: headcount per establishment and month, wide, one file per quarter; an empty cell is an unknown headcount.</summary>
public sealed class EffectifWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    private readonly QuarterlyHeadcountFiles _files = new(folder, options, "urssaf/sigfaible_effectif", months => "compte;siret;rais_soc;ape_ins;dep;" + months);

    public void Write(CompanyLife life)
    {
        var company = life.Company;
        for (var e = 0; e < company.Establishments.Count; e++)
        {
            var est = company.Establishments[e];
            var headcounts = life.Headcount[e];
            _files.Write(k => headcounts[k], $"{est.Account};{est.Siret};{company.Name};{company.Naf.Replace(".", "", StringComparison.Ordinal)};{est.Departement.Code};", "");
        }
    }
}

/// <summary>sigfaible_effectif_siren: headcount per company and month, wide, name last (current layout), one file per quarter.</summary>
public sealed class EffectifEntrepriseWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    private readonly QuarterlyHeadcountFiles _files = new(folder, options, "urssaf/sigfaible_effectif_siren", months => "siren;" + months + ";rais_soc");

    public void Write(CompanyLife life) => _files.Write(life.CompanyHeadcount, life.Company.Siren + ";", ";" + life.Company.Name);
}

/// <summary>
/// The account → SIRET map (urssaf_admin_comptes): one link per establishment account, from the
/// establishment's creation to its closure.
/// </summary>
public sealed class ComptesWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "Urssaf_gestion;Dep;Compte;Etat_compte;Siren;Siret;Date_crea_siret;Date_disp_siret";

    private readonly DeliveryFile _file = folder.Create($"urssaf/urssaf_admin_comptes_{Formats.YearMonth(options.To)}.csv", Header, new UTF8Encoding(false));

    public void Write(CompanyLife life)
    {
        var closed = life.ClosedOn;
        foreach (var est in life.Company.Establishments)
        {
            if (!life.Opened(est, options.To)) continue;
            var w = _file.Out;
            var disposed = closed is { } c ? Formats.UrssafDate(c).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            w.Write($"{est.UrssafCode};{est.Departement.Code};{est.Account};{(closed is null ? 1 : 3)};{life.Company.Siren};{est.Siret};{Formats.UrssafDate(est.CreatedOn)};{disposed}");
            _file.EndRow();
        }
    }
}
