using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Urssaf;

/// <summary>The month columns of URSSAF's wide headcount files: eff + AAAAQM for every month of the window.</summary>
internal static class MonthColumns
{
    public static string For(SynthesisOptions options)
    {
        var header = new StringBuilder();
        for (var m = options.From; m <= options.To; m = m.Add(1)) header.Append(header.Length == 0 ? "" : ";").Append("eff").Append(Formats.UrssafPeriod(m));
        return header.ToString();
    }

    /// <summary>Writes the cells of one row; an empty cell is an unknown headcount (before creation, after closure).</summary>
    public static void Write(TextWriter w, int[] headcounts)
    {
        for (var k = 0; k < headcounts.Length; k++)
        {
            if (k > 0) w.Write(';');
            if (headcounts[k] >= 1000) w.Write(Formats.Headcount(headcounts[k]));
            else if (headcounts[k] >= 0) w.WriteInt(headcounts[k]);
        }
    }
}

/// <summary>sigfaible_effectif: headcount per establishment and month, wide, the whole window in the last delivery.</summary>
public sealed class EffectifWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    private readonly DeliveryFile _file = folder.Create(
        $"urssaf/sigfaible_effectif_{Formats.YearMonth(options.To)}.csv", "compte;siret;rais_soc;ape_ins;dep;" + MonthColumns.For(options), new UTF8Encoding(false));

    public void Write(CompanyLife life)
    {
        var company = life.Company;
        for (var e = 0; e < company.Establishments.Count; e++)
        {
            var est = company.Establishments[e];
            if (Array.TrueForAll(life.Headcount[e], h => h < 0)) continue;
            var w = _file.Out;
            w.Write($"{est.Account};{est.Siret};{company.Name};{company.Naf.Replace(".", "", StringComparison.Ordinal)};{est.Departement.Code};");
            MonthColumns.Write(w, life.Headcount[e]);
            _file.EndRow();
        }
    }
}

/// <summary>sigfaible_effectif_siren: headcount per company and month, wide, name last (current layout).</summary>
public sealed class EffectifEntrepriseWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    private readonly DeliveryFile _file = folder.Create(
        $"urssaf/sigfaible_effectif_siren_{Formats.YearMonth(options.To)}.csv", "siren;" + MonthColumns.For(options) + ";rais_soc", new UTF8Encoding(false));

    private int[] _row = new int[options.Months];

    public void Write(CompanyLife life)
    {
        for (var k = 0; k < _row.Length; k++) _row[k] = life.CompanyHeadcount(k);
        if (Array.TrueForAll(_row, h => h < 0)) return;
        var w = _file.Out;
        w.Write(life.Company.Siren);
        w.Write(';');
        MonthColumns.Write(w, _row);
        w.Write(';');
        w.Write(life.Company.Name);
        _file.EndRow();
    }
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
