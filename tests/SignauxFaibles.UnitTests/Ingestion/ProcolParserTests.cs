using System.Text.Json;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Procol;

namespace SignauxFaibles.UnitTests.Ingestion;

public class ProcolParserTests
{
    private const string Header = "Siret;Siren;Dt_effet;Cat_v2;Lib_actx_stdx\n";

    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_procol", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new ProcolParser().ParseAllAsync(reader, name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("procolTestData.csv"));
        var lines = await ParseAsync(reader, "procolTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedProcol.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("reports")[0];

        ParserTesting.AssertReferenceCounts(report, lines);
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var proceeding = Assert.IsType<InsolvencyProceeding>(line.Record);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("date_effet").GetDateTime()), proceeding.EffectiveOn);
            Assert.Equal(tuple.GetProperty("action_procol").GetString(), proceeding.Nature.ToString(), ignoreCase: true);
            Assert.Equal(tuple.GetProperty("stade_procol").GetString(), proceeding.Stage);
            Assert.Equal("1", proceeding.EventCode);
        }
        var first = (InsolvencyProceeding)lines[0].Record!;
        Assert.Equal(ProceedingNature.Redressement, first.Nature);
        Assert.Equal("012345678", first.Siren.Value);
        Assert.Equal("01234567891011", first.Siret!.Value.Value);
        Assert.Equal("procol:012345678:01234567891011:2014-05-26:1:Redressement:solde_procedure", first.RecordKey);
        Assert.Equal(3, lines.Select(l => l.Record!.RecordKey).Distinct().Count());
    }

    [Fact]
    public async Task Reads_any_month_case_a_nature_first_and_a_missing_siret()
    {
        var file = Header
            + ";012345678;24feb2014;2;Liquidation_Ouverture\n"
            + "01234567891011;012345678;01Dec1999;;PLAN_CONTINUATION_SAUVEGARDE\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        var opening = Assert.IsType<InsolvencyProceeding>(lines[0].Record);
        Assert.Null(opening.Siret);
        Assert.Equal(new DateOnly(2014, 2, 24), opening.EffectiveOn);
        Assert.Equal(ProceedingNature.Liquidation, opening.Nature);
        Assert.Equal("ouverture", opening.Stage);
        var plan = Assert.IsType<InsolvencyProceeding>(lines[1].Record);
        Assert.Equal(new DateOnly(1999, 12, 1), plan.EffectiveOn);
        Assert.Equal(ProceedingNature.Sauvegarde, plan.Nature);
        Assert.Equal("plan_continuation", plan.Stage);
        Assert.Null(plan.EventCode);
    }

    [Fact]
    public async Task A_bad_field_is_reported_with_its_column()
    {
        var file = Header
            + "01234567891011;012345678;26MAY2014;1;Solde_procedure_conciliation\n"
            + "01234567891011;012345678;26MAI2014;1;Solde_procedure_redressement\n"
            + "01234567891011;01234567;26MAY2014;1;Solde_procedure_redressement\n"
            + "99999999991011;012345678;26MAY2014;1;Solde_procedure_redressement\n"
            + "01234567891011;012345678;26MAY2014;1;Liquidation\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.All(lines, l => Assert.Null(l.Record));
        Assert.Equal(new LineReject("f.csv", 2, 5, "Lib_actx_stdx", "Solde_procedure_conciliation",
            "no proceeding nature (sauvegarde, redressement or liquidation) in stage_nature"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 3, "Dt_effet", "26MAI2014", "not a date like 24FEB2014 (ddMMMyyyy)"), lines[1].Reject);
        Assert.Equal(new LineReject("f.csv", 4, 2, "Siren", "01234567", "not a SIREN (9 digits)"), lines[2].Reject);
        Assert.Equal(new LineReject("f.csv", 5, 1, "Siret", "99999999991011", "SIRET does not belong to SIREN 012345678"), lines[3].Reject);
        Assert.Equal(new LineReject("f.csv", 6, 5, "Lib_actx_stdx", "Liquidation", "no stage before or after the nature in stage_nature"), lines[4].Reject);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new StringReader("Siret;Siren;Dt_effet;Cat_v2;Lib_actx\n"), "pcoll.csv"));
        Assert.Contains("pcoll.csv:1", ex.Message);
        Assert.Contains("missing column(s) Lib_actx_stdx", ex.Message);
        Assert.Contains(Header.TrimEnd('\n'), ex.Message);
    }
}
