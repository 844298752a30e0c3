using System.Text.Json;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Ingestion.Finance.Dgfip;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DgfipParserTests
{
    private const string Header = "SIREN|DATE_DEB_EXERCICE|DATE_FIN_EXERCICE|2052_FL|2052_FY|2052_FZ\n";

    private static string Fixture(string name) => ParserTesting.Fixture("dgfip", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new DgfipParser().ParseAllAsync(reader, name);

    [Fact]
    public async Task Extracts_the_values_written_by_hand_for_the_hand_made_fixture()
    {
        using var reader = new StreamReader(Fixture("dgfipTestData.csv"));
        var lines = await ParseAsync(reader, "dgfipTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedDgfip.json")));
        var statements = expected.RootElement.GetProperty("statements").EnumerateArray().ToList();
        var rejects = expected.RootElement.GetProperty("rejects").EnumerateArray().ToList();

        var records = lines.Where(l => l.Record is not null).Select(l => Assert.IsType<FinancialStatement>(l.Record)).ToList();
        Assert.Equal(statements.Count, records.Count);
        foreach (var (statement, wanted) in records.Zip(statements))
        {
            Assert.Equal(wanted.GetProperty("siren").GetString(), statement.Siren.Value);
            Assert.Equal(DateOnly.Parse(wanted.GetProperty("fiscalYearEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture), statement.FiscalYearEnd);
            Assert.Equal(wanted.GetProperty("durationMonths").GetInt32(), statement.DurationMonths);
            var items = wanted.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (decimal?)null : p.Value.GetDecimal());
            Assert.Equal(items.OrderBy(i => i.Key, StringComparer.Ordinal), statement.Items.OrderBy(i => i.Key, StringComparer.Ordinal));
        }
        var actualRejects = lines.Where(l => l.Reject is not null).Select(l => l.Reject!).ToList();
        Assert.Equal(rejects.Count, actualRejects.Count);
        foreach (var (reject, wanted) in actualRejects.Zip(rejects))
        {
            Assert.Equal(
                (wanted.GetProperty("line").GetInt64(), wanted.GetProperty("column").GetInt32(), wanted.GetProperty("columnName").GetString(), wanted.GetProperty("rawValue").GetString()),
                (reject.Line, reject.Column!.Value, reject.ColumnName, reject.RawValue));
        }
        Assert.Equal("dgfip:901210344:2022-12-31", records[0].RecordKey);
    }

    [Fact]
    public async Task Staff_costs_are_wages_plus_social_charges_even_when_one_is_missing()
    {
        var file = Header + "901210344|20230101|20231231|100|40|\n" + "901210344||20241231|100||\n";
        var lines = await ParseAsync(new StringReader(file), "dgfip.csv");
        var first = Assert.IsType<FinancialStatement>(lines[0].Record);
        Assert.Equal(40m, first.Items[FinancialItemCodes.StaffCosts]);
        var second = Assert.IsType<FinancialStatement>(lines[1].Record);
        Assert.Null(second.Items[FinancialItemCodes.StaffCosts]);
        Assert.Null(second.DurationMonths);
    }

    [Theory]
    [InlineData("20230101", "20231231", 12)]
    [InlineData("20230101", "20230630", 6)]
    [InlineData("20220401", "20230331", 12)]
    [InlineData("20220215", "20231231", 23)]
    [InlineData("20230101", "20230110", 1)]
    public async Task The_length_of_the_fiscal_year_comes_from_its_dates(string start, string end, int months)
    {
        var lines = await ParseAsync(new StringReader(Header + $"901210344|{start}|{end}|1|1|1\n"), "dgfip.csv");
        Assert.Equal(months, Assert.IsType<FinancialStatement>(lines[0].Record).DurationMonths);
    }

    [Fact]
    public async Task Bad_fields_are_reported_with_their_line_and_column()
    {
        var file = Header
            + "90121034|20230101|20231231|1|1|1\n"
            + "901210344|20230101|31/12/2023|1|1|1\n"
            + "901210344|20230101|20221231|1|1|1\n"
            + "901210344|20230101|20231231|1|1|1,2,3\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.Equal(new LineReject("f.csv", 2, 1, "SIREN", "90121034", "not a SIREN (9 digits, spaces allowed)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 3, "DATE_FIN_EXERCICE", "31/12/2023", "not a date like 20231231 (yyyyMMdd)"), lines[1].Reject);
        Assert.Equal(new LineReject("f.csv", 4, 3, "DATE_FIN_EXERCICE", "20221231", "fiscal year ends before it starts (2023-01-01)"), lines[2].Reject);
        Assert.Equal(new LineReject("f.csv", 5, 6, "2052_FZ", "1,2,3", "not a number (or beyond ±10^15)"), lines[3].Reject);
    }

    [Theory]
    [InlineData("SIREN|DATE_DEB_EXERCICE|2052_FL\n", "missing column(s) DATE_FIN_EXERCICE")]
    [InlineData("SIREN|DATE_DEB_EXERCICE|DATE_FIN_EXERCICE|CA\n", "missing column(s) <form>_<box>")]
    [InlineData("SIREN;DATE_FIN_EXERCICE;2052_FL\n", "missing column(s) SIREN, DATE_FIN_EXERCICE")]
    public async Task A_header_without_the_layout_refuses_the_file(string header, string message)
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() => ParseAsync(new StringReader(header), "dgfip.csv"));
        Assert.Contains(message, ex.Message);
        Assert.Contains("SIREN;DATE_DEB_EXERCICE;DATE_FIN_EXERCICE;<form>_<box>…", ex.Message);
    }
}
