using System.Text.Json;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Ccsf;

namespace SignauxFaibles.UnitTests.Ingestion;

public class CcsfParserTests
{
    private const string Header = "Urssaf_gestion;Dep;Siret;Compte;Date_de_traitement;Code_externe_stade;Code_externe_action\n";

    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_ccsf", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new CcsfParser().ParseAllAsync(reader, name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("ccsfTestData.csv"));
        var lines = await ParseAsync(reader, "ccsfTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedCcsf.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("reports")[0];

        ParserTesting.AssertReferenceCounts(report, lines);
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var step = Assert.IsType<CcsfPlanStep>(line.Record);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("date_traitement").GetDateTime()), step.ProcessedOn);
            Assert.Equal(tuple.GetProperty("stade").GetString(), step.Stage);
            Assert.Equal(tuple.GetProperty("action").GetString(), step.Action);
        }
        // The reference does not output the account; these are the file's.
        Assert.Equal(["111982477292496174", "636043216536562844", "450359886246036238"],
            lines.Select(l => ((CcsfPlanStep)l.Record!).AccountNumber));
        Assert.Equal("22222222222222", ((CcsfPlanStep)lines[2].Record!).Siret!.Value.Value);
        Assert.Equal("ccsf:111982477292496174:2018-01-30:DEBUT:CCSF", lines[0].Record!.RecordKey);
    }

    [Fact]
    public async Task The_older_layout_without_siret_is_read_and_stage_case_is_normalised()
    {
        const string file = "Urssaf_gestion;Dep;Compte;Date_de_traitement;Code_externe_stade;Code_externe_action\n"
            + "438;23;450359886246036238;990401;fin;\n";
        var step = Assert.IsType<CcsfPlanStep>((await ParseAsync(new StringReader(file), "f.csv"))[0].Record);

        Assert.Null(step.Siret);
        Assert.Null(step.Action);
        Assert.Equal("FIN", step.Stage);
        Assert.Equal(new DateOnly(1999, 4, 1), step.ProcessedOn);
    }

    [Fact]
    public async Task A_bad_field_is_reported_with_its_column()
    {
        var file = Header
            + "152;75;00000000000000;111982477292496174;1181330;DEBUT;CCSF\n"
            + "152;75;00000000000000;111982477292496174;1180130;SUSPENDU;CCSF\n"
            + "152;75;0000000000000;111982477292496174;1180130;DEBUT;CCSF\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.All(lines, l => Assert.Null(l.Record));
        Assert.Equal(new LineReject("f.csv", 2, 5, "Date_de_traitement", "1181330", "not an URSSAF date (AAMMJJ)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 6, "Code_externe_stade", "SUSPENDU", "not a CCSF stage (DEBUT, REFUS, APPROB, FIN, REJ)"), lines[1].Reject);
        Assert.Equal(new LineReject("f.csv", 4, 3, "Siret", "0000000000000", "not a SIRET (14 digits)"), lines[2].Reject);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new StringReader("Urssaf_gestion;Dep;Siret;Compte;Date_traitement;Code_externe_stade;Code_externe_action\n"), "ccsf.csv"));
        Assert.Contains("ccsf.csv:1", ex.Message);
        Assert.Contains("missing column(s) Date_de_traitement", ex.Message);
        Assert.Contains(Header.TrimEnd('\n'), ex.Message);
    }
}
