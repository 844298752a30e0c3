using System.Text.Json;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Cotisation;

namespace SignauxFaibles.UnitTests.Ingestion;

public class CotisationParserTests
{
    private const string Header = "Urssaf_gestion;Dep;Siret;Compte;periode;mer;enc_direct;cotis_due\n";

    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_cotisation", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new CotisationParser().ParseAllAsync(reader, name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("cotisationTestData.csv"));
        var lines = await ParseAsync(reader, "cotisationTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedCotisation.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("reports")[0];

        ParserTesting.AssertReferenceCounts(report, lines);
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var declaration = Assert.IsType<ContributionDeclaration>(line.Record);
            Assert.Equal(tuple.GetProperty("numero_compte").GetString(), declaration.AccountNumber);
            Assert.Equal(tuple.GetProperty("encaisse").GetDecimal(), declaration.AmountCollected);
            Assert.Equal(tuple.GetProperty("du").GetDecimal(), declaration.AmountDue);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("periode_debut").GetDateTime()), declaration.Period.First.FirstDay);
            // The reference writes the period's end as the first day of the next month.
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("periode_fin").GetDateTime()), declaration.Period.Last.AddMonths(1).FirstDay);
        }
        var first = (ContributionDeclaration)lines[0].Record!;
        Assert.Equal("11111111111111", first.Siret!.Value.Value);
        Assert.Equal("cotisation:636043216536562844:2010-07..2010-07", first.RecordKey);
        Assert.Equal(3, lines.Select(l => l.Record!.RecordKey).Distinct().Count());
    }

    [Fact]
    public async Task Reads_euros_with_decimal_comma_and_thousands_separators_for_the_whole_period()
    {
        var file = Header
            + "671;14;;636043216536562844;201030;5;1 234,50;2.468,75\n"
            + "671;14;;636043216536562844;1030;5;;12.5\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        var quarter = Assert.IsType<ContributionDeclaration>(lines[0].Record);
        Assert.Null(quarter.Siret);
        Assert.Equal(1234.50m, quarter.AmountCollected);
        Assert.Equal(2468.75m, quarter.AmountDue);
        Assert.Equal(3, quarter.Period.MonthCount);
        Assert.Equal(new DateOnly(2010, 7, 1), quarter.Period.First.FirstDay);
        var again = Assert.IsType<ContributionDeclaration>(lines[1].Record);
        Assert.Null(again.AmountCollected);
        Assert.Equal(12.5m, again.AmountDue);
        // AAQM and AAAAQM spellings of one period are one fact.
        Assert.Equal(quarter.RecordKey, again.RecordKey);
    }

    [Fact]
    public async Task A_bad_field_is_reported_with_its_column()
    {
        var file = Header
            + "671;14;1111111111111X;636043216536562844;1031;5;1;2\n"
            + "671;14;;636043216536562844;1071;5;1;2\n"
            + "671;14;;636043216536562844;1031;5;1;abc\n"
            + "671;14;;;1031;5;1;2\n"
            + "671;14;;636043216536562844;1031;5;1\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.All(lines, l => Assert.Null(l.Record));
        Assert.Equal(new LineReject("f.csv", 2, 3, "Siret", "1111111111111X", "not a SIRET (14 digits)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 5, "periode", "1071", "not an URSSAF period (AAAAQM or AAQM)"), lines[1].Reject);
        Assert.Equal(new LineReject("f.csv", 4, 8, "cotis_due", "abc", "not an amount in euros"), lines[2].Reject);
        Assert.Equal(new LineReject("f.csv", 5, 4, "Compte", string.Empty, "value is required"), lines[3].Reject);
        Assert.Contains("wrong number of fields", lines[4].Reject!.Reason);
        Assert.Equal(6, lines[4].Reject!.Line);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new StringReader("Urssaf_gestion;Dep;Siret;Compte;periode;mer;enc_direct\n1;2;3;4;5;6;7\n"), "cotis.csv"));
        Assert.Contains("cotis.csv:1", ex.Message);
        Assert.Contains("missing column(s) cotis_due", ex.Message);
        Assert.Contains("Urssaf_gestion;Dep;Siret;Compte;periode;mer;enc_direct;cotis_due", ex.Message);
    }
}
