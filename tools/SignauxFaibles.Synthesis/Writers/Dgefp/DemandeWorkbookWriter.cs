using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.Population;

namespace SignauxFaibles.Synthesis.Writers.Dgefp;

/// <summary>
/// A sample of short-time work requests as the DGEFP's xlsx extract (the 52-column sheet of the
/// reference sample): the requests decided in 2020 when the window holds it (else in its last year),
/// at most <see cref="MaxRows"/>, dates as Excel serial numbers formatted DD/MM/YYYY. Columns the
/// simulation has nothing for (DARES territory codes, NAF 38 labels…) are left empty.
/// The zip entries carry a fixed timestamp so the same seed gives the same bytes.
/// </summary>
public sealed class DemandeWorkbookWriter(DeliveryFolder folder, SynthesisOptions options) : IFinishingWriter
{
    public const int MaxRows = 2_000;

    public static readonly string[] Columns =
    [
        "Anomalie", "EFF_ENT_TR", "ID_DA", "ETAB_SIRET", "ETAB_RSS", "DEP", "Departement", "REG", "Region", "ETAB_CODE_INSEE",
        "ETAB_VILLE", "LIBCOM", "CODE_NAF2", "CODE_NAF2_2", "EFF_ENT", "EFF_ETAB", "DATE_STATUT", "TX_PC", "TX_PC_UNEDIC_DARES",
        "TX_PC_ETAT_DARES", "DATE_DEB", "DATE_FIN", "HTA", "MTA", "EFF_AUTO", "PROD_HTA_EFF", "MOTIF_RECOURS_SE", "PERIMETRE_AP",
        "RECOURS_ANTERIEUR", "AVIS_CE", "S_HEURE_CONSOM_TOT", "S_MONTANT_CONSOM_TOT", "S_EFF_CONSOM_TOT", "SOURCE", "CPT", "CODENAF2",
        "CODE_NAF_21", "CODE_NAF_TP", "EFF_ENT_TR_TDB", "Date_Statut_Annee", "Date_Statut_Mois", "Date_Statut_Mois_2",
        "Date_Statut_Annee_Mois", "Date_Statut_Annee_Trim", "Naf5_code", "Naf5_libelle", "Naf38_code", "Naf38_libelle", "CODGEO",
        "ze2010", "libelze", "LIB_TERRITOIRE",
    ];

    private static readonly DateTime ZipTimestamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly int _year = options.From.Year <= 2020 && options.To.Year >= 2020 ? 2020 : options.To.Year;
    private readonly List<Dictionary<string, object>> _rows = [];

    public int Year => _year;

    public void Write(CompanyLife life)
    {
        foreach (var r in life.ShortTimeWork)
        {
            if (_rows.Count >= MaxRows) return;
            if (r.DecidedOn.Year != _year || r.DecidedOn > options.To.LastDay) continue;
            var company = life.Company;
            var est = company.Establishments[r.Establishment];
            double hours = 0, amount = 0, employees = 0;
            foreach (var c in r.Consumption) (hours, amount, employees) = (hours + c.Hours, amount + c.Amount, employees + c.Employees);
            var naf = company.Naf.Replace(".", "", StringComparison.Ordinal);
            _rows.Add(new Dictionary<string, object>
            {
                ["EFF_ENT_TR"] = SizeBands.SireneCode(r.CompanyHeadcount), ["ID_DA"] = r.Id, ["ETAB_SIRET"] = est.Siret, ["ETAB_RSS"] = company.Name,
                ["DEP"] = est.Departement.Code, ["REG"] = est.Departement.Region, ["Region"] = Departements.RegionNames[est.Departement.Region],
                ["ETAB_CODE_INSEE"] = est.Commune, ["ETAB_VILLE"] = "COMMUNE " + est.Commune, ["LIBCOM"] = "COMMUNE " + est.Commune,
                ["CODE_NAF2"] = naf, ["CODE_NAF2_2"] = naf[..2], ["EFF_ENT"] = (double)r.CompanyHeadcount, ["EFF_ETAB"] = (double)r.EstablishmentHeadcount,
                ["DATE_STATUT"] = r.DecidedOn, ["TX_PC"] = 70.0, ["DATE_DEB"] = r.Start, ["DATE_FIN"] = r.End, ["HTA"] = r.HoursAuthorised,
                ["MTA"] = r.AmountAuthorised, ["EFF_AUTO"] = (double)r.EmployeesAuthorised, ["PROD_HTA_EFF"] = r.HoursAuthorised * r.EmployeesAuthorised,
                ["MOTIF_RECOURS_SE"] = (double)r.Reason, ["PERIMETRE_AP"] = (double)r.Perimeter, ["RECOURS_ANTERIEUR"] = (double)r.PriorUse,
                ["S_HEURE_CONSOM_TOT"] = Math.Round(hours, 2), ["S_MONTANT_CONSOM_TOT"] = Math.Round(amount, 2), ["S_EFF_CONSOM_TOT"] = employees,
                ["SOURCE"] = "SI APART", ["CPT"] = 1.0, ["CODENAF2"] = naf, ["Naf5_code"] = company.Sector.Section.ToString(),
                ["Date_Statut_Annee"] = (double)r.DecidedOn.Year, ["Date_Statut_Mois"] = (double)r.DecidedOn.Month,
                ["Date_Statut_Annee_Mois"] = r.DecidedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ["Date_Statut_Annee_Trim"] = $"{r.DecidedOn.Year}-T{(r.DecidedOn.Month - 1) / 3 + 1}", ["CODGEO"] = est.Commune,
            });
        }
    }

    public void Finish()
    {
        var path = folder.AddBinary($"dgefp/demande_ap_{_year}_echantillon.xlsx", _rows.Count);
        using var zip = new ZipArchive(new FileStream(path, FileMode.Create, FileAccess.Write), ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="demande_ap" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        // Style 1 shows a serial number as a date (DD/MM/YYYY), as the DGEFP's sheets do.
        Entry(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="165" formatCode="DD/MM/YYYY"/></numFmts><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        Entry(zip, "xl/worksheets/sheet1.xml", Sheet());
    }

    private string Sheet()
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        xml.Append("<row r=\"1\">");
        for (var c = 0; c < Columns.Length; c++) Cell(xml, c, 1, Columns[c]);
        xml.Append("</row>");
        for (var i = 0; i < _rows.Count; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{i + 2}\">");
            for (var c = 0; c < Columns.Length; c++)
                if (_rows[i].TryGetValue(Columns[c], out var value)) Cell(xml, c, i + 2, value);
            xml.Append("</row>");
        }
        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static void Cell(StringBuilder xml, int column, int row, object value)
    {
        var reference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
        switch (value)
        {
            case DateOnly d:
                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{d.DayNumber - new DateOnly(1899, 12, 30).DayNumber}</v></c>");
                break;
            case double n:
                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{n.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                break;
            default:
                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value.ToString())}</t></is></c>");
                break;
        }
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static void Entry(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = ZipTimestamp;
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        stream.Write(bytes);
    }
}
