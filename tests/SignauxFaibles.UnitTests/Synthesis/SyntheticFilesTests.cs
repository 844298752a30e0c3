using System.Text;
using SignauxFaibles.Cli;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Urssaf;
using System.Xml.Linq;
using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.Writers.Dgefp;
using Xunit.Abstractions;

namespace SignauxFaibles.UnitTests.Synthesis;

/// <summary>
/// The generated files are what institutions deliver: every file whose kind the <c>sf parse</c>
/// catalogue recognises from its name parses with zero rejects, and every delivery is recognised.
/// </summary>
public class SyntheticFilesTests(SyntheticFilesFixture dataset) : IClassFixture<SyntheticFilesFixture>
{
    [Fact]
    public async Task Every_recognised_file_parses_without_a_single_reject()
    {
        var covered = new HashSet<string>();
        var unrecognised = new List<string>();
        foreach (var file in dataset.Manifest.Files)
        {
            var kind = ParseCommand.Catalog.Recognise(Path.GetFileName(file.Path));
            if (kind is null)
            {
                unrecognised.Add(file.Path);
                continue;
            }
            covered.Add(kind.Name);
            long records = 0, rejects = 0;
            var firstReject = "";
            await using var stream = File.OpenRead(Path.Combine(dataset.Directory, file.Path));
            // Opened as sf parse and the services open a delivery: text or workbook, plain or compressed.
            await using var delivered = await DeliveredFile.OpenAsync(stream, CancellationToken.None);
            await foreach (var line in delivered.ParseAsync(kind.Parser, file.Path, CancellationToken.None))
            {
                if (line.Record is not null) records++;
                else if (rejects++ == 0) firstReject = line.Reject!.ToString();
            }
            Assert.True(rejects == 0, $"{file.Path}: {rejects} rejects, first: {firstReject}");
            if (file.Rows > 0) Assert.True(records > 0, $"{file.Path}: {file.Rows} rows but no record");
        }
        // Every delivered file is one the services read; only the ground truth, the manifest and the
        // officers' roster (imported by Notifications, RosterWriterTests) are not deliveries.
        Assert.DoesNotContain(unrecognised, p => !p.EndsWith("ground_truth.csv", StringComparison.Ordinal) && !p.EndsWith("manifest.json", StringComparison.Ordinal)
            && !p.EndsWith(SignauxFaibles.Synthesis.Writers.Officers.RosterWriter.FileName, StringComparison.Ordinal));
        string[] expected = [.. UrssafFileKinds.All.Select(k => k.Name), "dgefp-demande", "dgefp-conso", "sirene-etablissement", "sirene-ul", "bdf", "diane", "paydex", "altares"];
        Assert.Equal(expected.Order(), covered.Order());
    }

    [Fact]
    public void Every_source_delivers_rows()
    {
        string[] folders = ["urssaf", "dgefp", "sirene", "banque_de_france", "diane", "altares"];
        foreach (var folder in folders)
            Assert.True(dataset.Manifest.Files.Where(f => f.Path.StartsWith(folder + "/", StringComparison.Ordinal)).Sum(f => f.Rows) > 0, folder);
        string[] kinds = ["sigfaible_cotisdues", "sigfaible_debits", "sigfaible_delais", "sigfaible_ccsf", "sigfaible_pcoll", "sigfaible_effectif_2",
            "sigfaible_effectif_siren", "urssaf_admin_comptes", "demande_ap", "consommation_ap", "StockEtablissement", "StockUniteLegale",
            "bdf_ratios", "diane_export", "paydex", "altares_bodacc", "ground_truth"];
        foreach (var kind in kinds)
            Assert.True(dataset.Manifest.Files.Where(f => f.Path.Contains(kind, StringComparison.Ordinal)).Sum(f => f.Rows) > 0, kind);
    }

    [Fact]
    public void Manifest_counts_match_the_files()
    {
        foreach (var file in dataset.Manifest.Files.Where(f => !f.Path.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var lines = File.ReadLines(Path.Combine(dataset.Directory, file.Path), Encoding.Latin1).Count();
            var trailer = file.Path.Contains("paydex", StringComparison.Ordinal) ? 1 : 0;
            // Diane is UTF-16: counting its lines in Latin-1 still finds one '\n' byte per line.
            Assert.Equal(file.Rows + 1 + trailer, lines);
        }
    }

    [Fact]
    public void The_xlsx_sample_of_requests_is_a_workbook_with_the_dgefp_columns_and_date_cells()
    {
        var file = Assert.Single(dataset.Manifest.Files, f => f.Path.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Equal("dgefp/demande_ap_2020_echantillon.xlsx", file.Path);
        Assert.True(file.Rows > 0);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dataset.Directory, file.Path));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = System.Xml.Linq.XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var rows = sheet.Descendants(ns + "row").ToList();
        Assert.Equal(file.Rows + 1, rows.Count);
        Assert.Equal(DemandeWorkbookWriter.Columns, rows[0].Elements(ns + "c").Select(c => c.Value));
        Assert.Equal(52, DemandeWorkbookWriter.Columns.Length);
        var first = rows[1].Elements(ns + "c").ToDictionary(c => new string(((string)c.Attribute("r")!).TakeWhile(char.IsLetter).ToArray()));
        var start = first[DemandeWorkbookWriter.ColumnName(Array.IndexOf(DemandeWorkbookWriter.Columns, "DATE_DEB"))];
        Assert.Equal("1", (string?)start.Attribute("s")); // the date style
        var day = DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + int.Parse(start.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2020, day.Year);
        // The same request is in the CSV delivery of that year.
        var id = first[DemandeWorkbookWriter.ColumnName(Array.IndexOf(DemandeWorkbookWriter.Columns, "ID_DA"))].Value;
        Assert.Contains(File.ReadLines(Path.Combine(dataset.Directory, "dgefp", "demande_ap_2020.csv")), l => l.StartsWith($"\"{id}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Paydex_deliveries_end_with_a_trailer_stating_their_row_count()
    {
        foreach (var file in dataset.Manifest.Files.Where(f => f.Path.StartsWith("altares/paydex_", StringComparison.Ordinal)))
            Assert.Equal($"Fin du fichier : total {file.Rows} ligne(s)", File.ReadLines(Path.Combine(dataset.Directory, file.Path)).Last());
    }

    [Fact]
    public void Diane_is_utf16_little_endian_with_bom_quoted_and_crlf()
    {
        var file = dataset.Manifest.Files.First(f => f.Path.StartsWith("diane/", StringComparison.Ordinal) && f.Rows > 0);
        var bytes = File.ReadAllBytes(Path.Combine(dataset.Directory, file.Path));
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        var text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(file.Rows + 1, lines.Length);
        Assert.StartsWith("\"Marquée\";\"Nom de l'entreprise\";\"Numéro Siren\"", lines[0]);
        Assert.All(lines, l => Assert.Equal(82, l.Split("\";\"").Length));
        Assert.Contains(',', lines[1]); // decimal comma
    }

    [Fact]
    public void Ground_truth_lists_every_failure_and_the_manifest_counts_them()
    {
        var rows = File.ReadAllLines(Path.Combine(dataset.Directory, "ground_truth.csv"));
        Assert.Equal("siren,failure_date,procedure_kind,distress_onset,sudden", rows[0]);
        Assert.Equal(dataset.Manifest.Failures, rows.Length - 1);
        Assert.True(dataset.Manifest.Failures > 0);
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d{9},\d{4}-\d{2}-\d{2},(sauvegarde|redressement|liquidation),\d{4}-\d{2},(true|false)$", r));
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_another_seed_does_not()
    {
        var again = Path.Combine(Path.GetTempPath(), $"sf-synth-again-{Guid.NewGuid():N}");
        var other = Path.Combine(Path.GetTempPath(), $"sf-synth-other-{Guid.NewGuid():N}");
        try
        {
            SyntheticDataset.Generate(SyntheticFilesFixture.Options, again);
            SyntheticDataset.Generate(SyntheticFilesFixture.Options with { Seed = SyntheticFilesFixture.Options.Seed + 1 }, other);
            var files = Directory.GetFiles(dataset.Directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dataset.Directory, f)).Order().ToList();
            Assert.Equal(files, Directory.GetFiles(again, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(again, f)).Order());
            foreach (var file in files)
                Assert.True(File.ReadAllBytes(Path.Combine(dataset.Directory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))), file);
            Assert.False(File.ReadAllBytes(Path.Combine(dataset.Directory, "ground_truth.csv")).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(other, "ground_truth.csv"))));
        }
        finally
        {
            if (Directory.Exists(again)) Directory.Delete(again, true);
            if (Directory.Exists(other)) Directory.Delete(other, true);
        }
    }
}
