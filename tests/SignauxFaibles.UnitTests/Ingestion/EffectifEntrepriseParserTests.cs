using System.Text.Json;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;
using SignauxFaibles.Ingestion.Urssaf.EffectifEntreprise;

namespace SignauxFaibles.UnitTests.Ingestion;

public class EffectifEntrepriseParserTests
{
    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_effectif_ent", name);

    private static Task<List<ParsedLine>> ParseAsync(string text) =>
        EffectifParserTests.ParseAsync(new EffectifEntrepriseParser(), new StringReader(text), "f.csv");

    [Theory]
    [InlineData("effectifEntTestData.csv", "expectedEffectifEnt.json", new[] { 112, 112, 93 })]
    [InlineData("effectifEntTestDataShort.csv", "expectedEffectifEntShort.json", new[] { 5 })]
    public async Task Extracts_every_month_and_headcount_the_reference_parser_extracted(string file, string expectedFile, int[] perLine)
    {
        var lines = await EffectifParserTests.ParseAsync(new EffectifEntrepriseParser(), new StreamReader(Fixture(file)), file);
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture(expectedFile)));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        // The reference's tuples carry no SIREN; the file says which SIREN each line (from 2) carries.
        var sirens = File.ReadLines(Fixture(file)).Skip(1).Select(l => l.Split(';')[1]).ToList();

        Assert.All(lines, l => Assert.Null(l.Reject));
        Assert.Equal(perLine.Sum(), tuples.Count);
        Assert.Equal(tuples.Count, lines.Count);
        Assert.Equal(perLine, lines.GroupBy(l => l.Line).Select(g => g.Count()));
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var headcount = (CompanyHeadcount)line.Record!;
            Assert.Equal(sirens[(int)line.Line - 2], headcount.Siren.Value);
            Assert.Equal(YearMonth.Of(tuple.GetProperty("periode").GetDateTime()), headcount.Month);
            Assert.Equal(tuple.GetProperty("effectif").GetInt32(), headcount.Headcount);
            Assert.Equal($"effectif-entreprise:{headcount.Siren.Value}:{headcount.Month}", headcount.RecordKey);
        }
    }

    [Fact]
    public async Task The_short_file_keeps_its_zero_and_reads_the_older_layout_with_compte_first()
    {
        var records = (await EffectifParserTests.ParseAsync(new EffectifEntrepriseParser(),
            new StreamReader(Fixture("effectifEntTestDataShort.csv")), "short.csv")).Select(l => (CompanyHeadcount)l.Record!).ToList();

        Assert.All(records, r => Assert.Equal("542368702", r.Siren.Value));
        Assert.Equal([629, 536, 209, 0, 585], records.Select(r => r.Headcount));
        Assert.Equal(new YearMonth(2010, 4), records[3].Month);
    }

    [Fact]
    public async Task The_current_layout_siren_months_then_rais_soc_is_read()
    {
        var lines = await ParseAsync("siren;eff201631;eff1632;rais_soc\n542368702;1 020;;ENTREPRISE A\n");

        var record = (CompanyHeadcount)Assert.Single(lines).Record!;
        Assert.Equal(("542368702", new YearMonth(2016, 7), 1020), (record.Siren.Value, record.Month, record.Headcount));
    }

    [Fact]
    public async Task A_bad_siren_rejects_the_line_and_a_bad_cell_only_its_month()
    {
        var lines = await ParseAsync("siren;eff201011;eff201012;rais_soc\n54236870;3;4;A\n542368702;3,5;4;B\n");

        Assert.Equal(new LineReject("f.csv", 2, 1, "siren", "54236870", "not a SIREN (9 digits)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 2, "eff201011", "3,5", HeadcountCells.NotAHeadcount), lines[1].Reject);
        Assert.Equal(4, ((CompanyHeadcount)lines[2].Record!).Headcount);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task An_establishment_file_is_refused_naming_the_missing_siren()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync("compte;siret;rais_soc;eff201011\n1;54236870268934;A;3\n"));
        Assert.Contains("f.csv:1", ex.Message);
        Assert.Contains("missing column(s) siren;", ex.Message);
        Assert.Contains("expected columns: siren;effAAAAQM…;rais_soc", ex.Message);
    }
}
