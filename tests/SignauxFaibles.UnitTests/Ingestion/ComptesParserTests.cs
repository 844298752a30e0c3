using System.Text.Json;
using System.Text.RegularExpressions;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Comptes;

namespace SignauxFaibles.UnitTests.Ingestion;

public class ComptesParserTests
{
    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_admin_comptes", name);

    private const string Header = "Urssaf_gestion;Dep;Compte;Etat_compte;Siren;Siret;Date_crea_siret;Date_disp_siret\n";

    private static Task<List<ParsedLine>> ParseAsync(string text) =>
        EffectifParserTests.ParseAsync(new ComptesParser(), new StringReader(text), "f.csv");

    [Fact]
    public async Task Every_link_of_the_file_is_read_with_its_validity_dates()
    {
        var lines = await EffectifParserTests.ParseAsync(new ComptesParser(), new StreamReader(Fixture("comptesTestData.csv")), "comptes.csv");

        Assert.All(lines, l => Assert.Null(l.Reject));
        var links = lines.Select(l => (AccountSiretLink)l.Record!).ToList();
        Assert.Equal([2L, 3L, 4L], lines.Select(l => l.Line));
        Assert.Equal(
            [
                new AccountSiretLink("compte-siret:111982477292496174:00000000000000:2013-08-28", "111982477292496174",
                    links[0].Siren, links[0].Siret, new DateOnly(2013, 8, 28), null, "8"),
                new AccountSiretLink("compte-siret:636043216536562844:11111111111111:2012-05-24", "636043216536562844",
                    links[1].Siren, links[1].Siret, new DateOnly(2012, 5, 24), null, "6"),
                new AccountSiretLink("compte-siret:450359886246036238:22222222222222:2011-07-01", "450359886246036238",
                    links[2].Siren, links[2].Siret, new DateOnly(2011, 7, 1), new DateOnly(2011, 8, 1), "2"),
            ],
            links);
        Assert.Equal(["000000000", "111111111", "222222222"], links.Select(l => l.Siren.Value));
        Assert.Equal(["00000000000000", "11111111111111", "22222222222222"], links.Select(l => l.Siret.Value));
    }

    [Fact]
    public async Task The_reference_dropped_only_the_link_already_ended_at_its_batch_period()
    {
        var links = (await EffectifParserTests.ParseAsync(new ComptesParser(), new StreamReader(Fixture("comptesTestData.csv")), "comptes.csv"))
            .Select(l => (AccountSiretLink)l.Record!).ToDictionary(l => l.AccountNumber);
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedComptes.json")));
        var root = expected.RootElement;

        // The links it emitted for its period are ours, still open.
        foreach (var tuple in root.GetProperty("tuples").EnumerateArray())
        {
            var link = links[tuple.GetProperty("numero_compte").GetString()!];
            Assert.Equal(tuple.GetProperty("siret").GetString(), link.Siret.Value);
            Assert.Null(link.ValidUntil);
        }
        // "Pas de siret associé au compte X à la période D": X's only link ended before D. We keep it, dated.
        var rejected = Regex.Match(root.GetProperty("reports")[0].GetProperty("head_rejected")[0].GetString()!,
            @"compte (\d+) à la période (\d{4}-\d{2}-\d{2})");
        var ended = links[rejected.Groups[1].Value];
        Assert.True(ended.ValidUntil < DateOnly.Parse(rejected.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2011, 8, 1), ended.ValidUntil);
    }

    [Fact]
    public async Task Bad_fields_are_rejected_with_line_column_and_reason()
    {
        var lines = await ParseAsync(Header
            + "049;05;111;8;000000000;00000000000000;1130832;\n"
            + "049;05;;8;000000000;00000000000000;1130828;\n"
            + "049;05;111;8;000000000;11111111111111;1130828;\n"
            + "049;05;111;8;000000000;00000000000000;1130828;1130801\n"
            + "049;05;111;;000000000;00000000060000;;\n");

        Assert.Equal(
            [
                new LineReject("f.csv", 2, 7, "Date_crea_siret", "1130832", "not an URSSAF date (AAMMJJ)"),
                new LineReject("f.csv", 3, 3, "Compte", string.Empty, "value is required"),
                new LineReject("f.csv", 4, 6, "Siret", "11111111111111", "SIRET is not an establishment of SIREN 000000000"),
                new LineReject("f.csv", 5, 8, "Date_disp_siret", "1130801", "Date_disp_siret is before Date_crea_siret"),
            ],
            lines.Take(4).Select(l => l.Reject));
        // No dates and no state are unknowns, not errors; a pseudo-SIRET is kept.
        var open = (AccountSiretLink)lines[4].Record!;
        Assert.Equal((null, null, null, true), (open.ValidFrom, open.ValidUntil, open.AccountState, open.Siret.IsPseudo));
        Assert.Equal("compte-siret:111:00000000060000:-", open.RecordKey);
    }

    [Fact]
    public async Task A_map_without_its_end_dates_is_refused()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync("Compte;Siren;Siret;Date_crea_siret\n111;000000000;00000000000000;1130828\n"));
        Assert.Contains("f.csv:1", ex.Message);
        Assert.Contains("missing column(s) Date_disp_siret;", ex.Message);
    }
}
