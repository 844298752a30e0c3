using System.Text.Json;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;
using SignauxFaibles.Ingestion.Urssaf.Effectif;
using SignauxFaibles.Ingestion.Urssaf.EffectifEntreprise;

namespace SignauxFaibles.UnitTests.Ingestion;

public class EffectifParserTests
{
    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_effectif", name);

    internal static async Task<List<ParsedLine>> ParseAsync(IRecordParser parser, TextReader reader, string fileName)
    {
        using (reader)
        {
            var lines = new List<ParsedLine>();
            await foreach (var line in parser.ParseAsync(reader, fileName)) lines.Add(line);
            return lines;
        }
    }

    [Fact]
    public async Task Extracts_every_month_and_headcount_the_reference_parser_extracted()
    {
        var lines = await ParseAsync(new EffectifParser(), new StreamReader(Fixture("effectifTestData.csv")), "effectifTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedEffectif.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        // The reference's tuples name the account; the file says which SIRET each account's line carries.
        var siretOfAccount = File.ReadLines(Fixture("effectifTestData.csv")).Skip(1).Select(l => l.Split(';')).ToDictionary(f => f[0], f => f[1]);

        Assert.All(lines, l => Assert.Null(l.Reject));
        Assert.Equal(317, tuples.Count);
        Assert.Equal(tuples.Count, lines.Count);
        // 112 month columns; the third line leaves its last 19 (2017-10 to 2019-04) empty (unknown, so no record).
        Assert.Equal([(2L, 112), (3L, 112), (4L, 93)], lines.GroupBy(l => l.Line).Select(g => (g.Key, g.Count())));
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var headcount = (EstablishmentHeadcount)line.Record!;
            Assert.Equal(siretOfAccount[tuple.GetProperty("numero_compte").GetString()!], headcount.Siret.Value);
            Assert.Equal(YearMonth.Of(tuple.GetProperty("periode").GetDateTime()), headcount.Month);
            Assert.Equal(tuple.GetProperty("effectif").GetInt32(), headcount.Headcount);
            Assert.Equal($"effectif:{headcount.Siret.Value}:{headcount.Month}", headcount.RecordKey);
        }
        Assert.Equal(lines.Count, lines.Select(l => l.Record!.RecordKey).Distinct().Count());
    }

    [Fact]
    public async Task A_zero_is_a_headcount_an_empty_cell_is_not_and_a_pseudo_siret_is_kept()
    {
        var records = (await ParseAsync(new EffectifParser(), new StreamReader(Fixture("effectifTestData.csv")), "effectifTestData.csv"))
            .Select(l => (EstablishmentHeadcount)l.Record!).ToList();

        var first = records.Where(r => r.Siret.Value == "54236870268934").ToList();
        Assert.True(first[0].Siret.IsPseudo); // NIC 68934: URSSAF's forged SIRET for temporary work
        Assert.Equal(0, Assert.Single(first, r => r.Month == new YearMonth(2016, 11)).Headcount);
        Assert.Equal(89, Assert.Single(first, r => r.Month == new YearMonth(2010, 7)).Headcount); // "089"
        Assert.Equal(new YearMonth(2019, 4), first.Max(r => r.Month));
        Assert.Equal(112, first.Count);
        var third = records.Where(r => r.Siret.Value == "31672661744173").ToList();
        Assert.Equal(new YearMonth(2017, 9), third.Max(r => r.Month));
        // The last month column is eff201921; base (719) and UR_EMET (733965) after it are not months.
        Assert.Equal(843, Assert.Single(first, r => r.Month == new YearMonth(2019, 4)).Headcount);
        Assert.DoesNotContain(records, r => r.Headcount == 733965);
    }

    [Fact]
    public async Task A_bad_cell_is_rejected_with_its_column_and_the_other_months_of_the_line_are_kept()
    {
        const string file = "compte;siret;rais_soc;ape_ins;dep;eff201011;eff201012;eff201013;base\n"
            + "1;54236870268934;A;1086e;23;1 234;12,5;1.234;719\n"
            + "2;5423687026893X;B;1086e;23;5;6;7;719\n"
            + "3;14928523839192;C;6298d;03;;  ;1\u00A0234;886\n"
            + "4;14928523839192;D;6298d;03;-3;1,234,567;12 34;886\n"
            + "5;;E;6298d;03;1;2;3;886\n"
            + "6;14928523839192;F\n";
        var lines = await ParseAsync(new EffectifParser(), new StringReader(file), "f.csv");

        var accepted = lines.Where(l => l.Record is not null).Select(l => (l.Line, (EstablishmentHeadcount)l.Record!))
            .Select(p => (p.Line, p.Item2.Month.ToString(), p.Item2.Headcount));
        Assert.Equal([(2L, "2010-01", 1234), (2L, "2010-03", 1234), (4L, "2010-03", 1234), (5L, "2010-02", 1234567)], accepted);
        Assert.Equal(
            [
                new LineReject("f.csv", 2, 7, "eff201012", "12,5", HeadcountCells.NotAHeadcount),
                new LineReject("f.csv", 3, 2, "siret", "5423687026893X", "not a SIRET (14 digits)"),
                new LineReject("f.csv", 5, 6, "eff201011", "-3", HeadcountCells.NotAHeadcount),
                new LineReject("f.csv", 5, 8, "eff201013", "12 34", HeadcountCells.NotAHeadcount),
                new LineReject("f.csv", 6, 2, "siret", string.Empty, "value is required"),
                new LineReject("f.csv", 7, null, null, null, "wrong number of fields: 3 instead of 9"),
            ],
            lines.Where(l => l.Reject is not null).Select(l => l.Reject!));
        Assert.Contains("f.csv:2:7 (eff201012) '12,5': not a headcount", lines.First(l => l.Reject is not null).Reject!.ToString());
    }

    [Fact]
    public async Task A_line_whose_month_cells_are_all_empty_is_rejected_not_dropped()
    {
        // Found by the parser properties: such a line gave no result, so the batch did not even count it as read.
        const string establishments = "compte;siret;eff201011;eff201012\n1;54236870268934;;\n2;54236870268934; ;3\n";
        const string companies = "siren;eff201011;eff201012\n542368702;;\n";
        var lines = await ParseAsync(new EffectifParser(), new StringReader(establishments), "e.csv");
        var ofCompanies = await ParseAsync(new EffectifEntrepriseParser(), new StringReader(companies), "ent.csv");

        Assert.Equal([(2L, HeadcountCells.NoMonth), (3L, null)], lines.Select(l => (l.Line, l.Reject?.Reason)));
        Assert.Equal(new LineReject("ent.csv", 2, null, null, null, HeadcountCells.NoMonth), Assert.Single(ofCompanies).Reject);
    }

    [Fact]
    public async Task A_header_without_siret_or_without_month_columns_refuses_the_file()
    {
        var noSiret = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new EffectifParser(), new StringReader("compte;siren;eff201011\n1;542368702;3\n"), "ent.csv"));
        Assert.Contains("ent.csv:1", noSiret.Message);
        Assert.Contains("missing column(s) siret;", noSiret.Message);

        var noMonth = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new EffectifParser(), new StringReader("compte;siret;effectif;base\n1;54236870268934;3;4\n"), "e.csv"));
        Assert.Contains("missing column(s) effAAAAQM;", noMonth.Message);
    }

    [Fact]
    public async Task Minimal_effectif_is_a_company_file_whose_column_eff202401_is_no_urssaf_month()
    {
        // Its header is siren;eff202401;rais_soc: no siret, so the establishment parser refuses it.
        var refused = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new EffectifParser(), new StreamReader(Fixture("minimal_effectif.csv")), "minimal_effectif.csv"));
        Assert.Contains("siret", refused.Message);

        // Read as what it is, a company file, it parses; but 202401 is AAAAQM with quarter 0, so each
        // figure is rejected with its column rather than given a guessed month.
        var lines = await ParseAsync(new EffectifEntrepriseParser(), new StreamReader(Fixture("minimal_effectif.csv")), "minimal_effectif.csv");
        Assert.Equal(
            [
                new LineReject("minimal_effectif.csv", 2, 2, "eff202401", "75", MonthColumn.NotAMonth),
                new LineReject("minimal_effectif.csv", 3, 2, "eff202401", "92", MonthColumn.NotAMonth),
            ],
            lines.Select(l => l.Reject));
    }
}
