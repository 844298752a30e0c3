using System.Text.Json;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Dgefp.Conso;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class ConsoParserTests
{
    private const string Header = "\"ID_DA\",\"ETAB_SIRET\",\"HEURES\",\"MONTANTS\",\"EFFECTIFS\",\"MOIS\"\n";

    private static string Fixture(string name) => ParserTesting.Fixture("ap_conso", name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        var lines = await new ConsoParser().ParseDeliveredAsync(Fixture("apconsoTestData.csv"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedApconso.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();

        ParserTesting.AssertReferenceCounts(expected.RootElement.GetProperty("reports")[0], lines);
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var consumption = Assert.IsType<ShortTimeWorkConsumption>(line.Record);
            Assert.Equal(tuple.GetProperty("id_conso").GetString(), consumption.RequestId);
            Assert.Equal(tuple.GetProperty("heure_consomme").GetDecimal(), consumption.Hours);
            Assert.Equal(tuple.GetProperty("montant").GetDecimal(), consumption.Amount);
            Assert.Equal(tuple.GetProperty("effectif").GetInt32(), consumption.Employees);
            Assert.Equal(YearMonth.Of(tuple.GetProperty("periode").GetDateTime()), consumption.Month);
        }
        var first = (ShortTimeWorkConsumption)lines[0].Record!;
        Assert.Equal("61433760225578", first.Siret.Value);
        Assert.Equal(2.05m, first.FullTimeEquivalent);
    }

    [Fact]
    public async Task Older_exports_write_the_month_alone_as_MM_yyyy()
    {
        var lines = await new ConsoParser().ParseDeliveredAsync(Fixture("apconso_mois_mm_yyyy.csv"));

        Assert.Equal([new YearMonth(2004, 12), new YearMonth(2019, 1), new YearMonth(2020, 3)],
            lines.Where(l => l.Record is not null).Select(l => ((ShortTimeWorkConsumption)l.Record!).Month));
        var reject = Assert.Single(lines, l => l.Reject is not null).Reject!;
        Assert.Equal((5L, "MOIS", "13/2020"), (reject.Line, reject.ColumnName, reject.RawValue));
        Assert.StartsWith("not a month", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_original_xlsx_delivery_gives_its_row_with_numbers_and_dates_as_typed()
    {
        var line = Assert.Single(await new ConsoParser().ParseDeliveredAsync(Fixture("apconso.excelsheet")));
        var consumption = Assert.IsType<ShortTimeWorkConsumption>(line.Record);
        // ID_DA and ETAB_SIRET are number cells there: all their digits are kept.
        Assert.Equal("123456789", consumption.RequestId);
        Assert.Equal("12345678901234", consumption.Siret.Value);
        Assert.Equal(new YearMonth(2009, 11), consumption.Month);
        Assert.Equal(100m, consumption.Hours);
        Assert.Equal(200m, consumption.Amount);
        Assert.Equal(30, consumption.Employees);
    }

    [Fact]
    public async Task The_csv_rows_typed_into_a_workbook_give_the_same_records()
    {
        var csv = await new ConsoParser().ParseDeliveredAsync(Fixture("apconsoTestData.csv"));
        await using var workbook = await TestWorkbook.WriteAsync(TestWorkbook.ShuffledRows(Fixture("apconsoTestData.csv")));
        var xlsx = await new ConsoParser().ParseDeliveredAsync(workbook, "consommation_ap.xlsx");

        Assert.Equal(3, csv.Count);
        Assert.Equal(csv.Select(l => l.Record), xlsx.Select(l => l.Record));
    }

    [Fact]
    public async Task Bad_values_are_rejected_with_their_line_and_column()
    {
        var lines = await new ConsoParser().ParseAllAsync(new StringReader(Header
            + "\"x\",\"61433760225578\",-1,1,1,\"2020-01-01\"\n"
            + "\"x\",\"61433760225578\",\"dix\",1,1,\"2020-01-01\"\n"
            + "\"x\",\"61433760225578\",10,1,1,\"2020-13-01\"\n"
            + "\"x\",\"61433760225578\",\"10,5\",\"1 234,50\",,\"01/02/2020\"\n"), "conso.csv");

        Assert.Equal(new LineReject("conso.csv", 2, 3, "HEURES", "-1", "negative hours"), lines[0].Reject);
        Assert.Equal(new LineReject("conso.csv", 3, 3, "HEURES", "dix", "not a number of hours"), lines[1].Reject);
        Assert.Equal(new LineReject("conso.csv", 4, 6, "MOIS", "2020-13-01", "not a month (a day yyyy-MM-dd or dd/MM/yyyy, or MM/yyyy)"), lines[2].Reject);
        var accepted = Assert.IsType<ShortTimeWorkConsumption>(lines[3].Record);
        Assert.Equal(10.5m, accepted.Hours);
        Assert.Equal(1234.50m, accepted.Amount);
        Assert.Null(accepted.Employees);
        Assert.Equal(new YearMonth(2020, 2), accepted.Month);
    }
}
