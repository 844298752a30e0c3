using System.Text;
using System.Text.Json;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Finance.Diane;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DianeParserTests
{
    private const string Header = "\"Numéro Siren\";\"Nom de l'entreprise\";\"Nombre de filiales\";\"Date de clôture 2017\";\"Nombre de mois 2017\";"
        + "\"Chiffre d'affaires net (H.T.) kEUR 2017\";\"Liquidité générale 2017\";\"Date de clôture 2016\";\"Nombre de mois 2016\";"
        + "\"Chiffre d'affaires net (H.T.) kEUR 2016\";\"Liquidité générale 2016\"\r\n";

    private static string Fixture(string name) => ParserTesting.Fixture("diane", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new DianeParser().ParseAllAsync(reader, name);

    private static async Task<List<ParsedLine>> ParseDeliveredAsync(string name)
    {
        await using var stream = File.OpenRead(Fixture(name));
        var (reader, _) = await DeliveredContent.OpenTextAsync(stream, CancellationToken.None);
        using (reader) return await ParseAsync(reader, name);
    }

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted_one_statement_per_company_and_year()
    {
        var lines = await ParseDeliveredAsync("dianeTestData.txt");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedDiane.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        Assert.Equal(18, tuples.Count);
        Assert.All(lines, l => Assert.Null(l.Reject));
        var statements = lines.Select(l => Assert.IsType<FinancialStatement>(l.Record))
            .ToDictionary(s => (s.Siren.Value, s.FiscalYearEnd));

        var checkedItems = 0;
        foreach (var tuple in tuples)
        {
            var closing = DateOnly.FromDateTime(tuple.GetProperty("arrete_bilan_diane").GetDateTime());
            var key = (tuple.GetProperty("numero_siren").GetString()!, closing);
            if (closing == DateOnly.MinValue)
            {
                // The reference kept years with nothing but the company's name and counts; they are no statement.
                Assert.All(DianeReference.Items.Where(i => !DianeReference.CompanyLevel.Contains(i.Reference)),
                    i => Assert.Equal(JsonValueKind.Null, tuple.GetProperty(i.Reference).ValueKind));
                continue;
            }
            var statement = statements[key];
            Assert.Equal(tuple.GetProperty("nom_entreprise").GetString(), statement.CompanyName);
            Assert.Equal(Nullable(tuple, "nombre_mois"), statement.DurationMonths);
            Assert.Equal($"diane:{key.Item1}:{closing:yyyy-MM-dd}", statement.RecordKey);
            foreach (var (reference, item, factor) in DianeReference.Items)
            {
                var value = tuple.GetProperty(reference);
                var wanted = value.ValueKind == JsonValueKind.Null ? (decimal?)null : value.GetDecimal() * factor;
                Assert.True(wanted == statement.Items[item], $"{key} {reference}: expected {wanted}, got {statement.Items[item]}");
                checkedItems++;
            }
        }
        Assert.Equal(15, statements.Count);
        Assert.Equal(15 * DianeReference.Items.Length, checkedItems);
    }

    [Fact]
    public async Task A_header_alone_gives_nothing_and_is_not_refused()
    {
        var lines = await ParseDeliveredAsync("2009_2-Diane_Export_1-header.txt");
        Assert.Empty(lines);
    }

    [Fact]
    public async Task A_damaged_export_whose_encoding_is_mixed_is_refused_not_misread()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() => ParseDeliveredAsync("dianeTestData.csv"));
        Assert.Contains("missing column(s) Numéro Siren", ex.Message);
    }

    [Fact]
    public async Task Amounts_are_converted_from_thousands_of_euros_and_ratios_are_kept()
    {
        var file = Header + "\"552100554\";\"ACME\";\"3\";\"31/12/2017\";\"12\";\"1 234,5\";\"1,25\";\"\";\"\";\"\";\"\"\r\n";
        var lines = await ParseAsync(new StringReader(file), "diane.csv");

        var statement = Assert.IsType<FinancialStatement>(Assert.Single(lines).Record);
        Assert.Equal(new DateOnly(2017, 12, 31), statement.FiscalYearEnd);
        Assert.Equal(1_234_500m, statement.Items[FinancialItemCodes.Turnover]);
        Assert.Equal(1.25m, statement.Items["currentRatio"]);
        Assert.Equal(3m, statement.Items["subsidiaries"]);
        Assert.Equal("ACME", statement.CompanyName);
    }

    [Fact]
    public async Task Not_available_and_not_significant_cells_are_absent_values()
    {
        var file = Header + "\"552100554\";\"A\";\"n.d.\";\"31/12/2017\";\"12\";\"n.d.\";\"n.s.\";\"\";\"\";\"\";\"\"\r\n";
        var statement = Assert.IsType<FinancialStatement>(Assert.Single(await ParseAsync(new StringReader(file), "diane.csv")).Record);

        Assert.Null(statement.Items[FinancialItemCodes.Turnover]);
        Assert.Null(statement.Items["currentRatio"]);
        Assert.Null(statement.Items["subsidiaries"]);
    }

    [Fact]
    public async Task A_bad_cell_rejects_its_own_year_only_and_names_the_cell()
    {
        var file = Header
            + "\"552100554\";\"A\";\"\";\"31/12/2017\";\"12\";\"12a\";\"1\";\"31/12/2016\";\"12\";\"10\";\"1\"\r\n"
            + "\"552100554\";\"A\";\"\";\"2017-12-31\";\"12\";\"1\";\"1\";\"\";\"\";\"10\";\"\"\r\n"
            + "\"55210055\";\"A\";\"\";\"31/12/2017\";\"12\";\"1\";\"1\";\"31/12/2016\";\"12\";\"10\";\"1\"\r\n"
            + "\"552100554\";\"A\";\"x\";\"31/12/2017\";\"12\";\"1\";\"1\";\"31/12/2016\";\"12\";\"10\";\"1\"\r\n";
        var lines = await ParseAsync(new StringReader(file), "diane.csv");

        // Years come oldest first.
        Assert.Equal(new DateOnly(2016, 12, 31), Assert.IsType<FinancialStatement>(lines[0].Record).FiscalYearEnd);
        Assert.Equal(new LineReject("diane.csv", 2, 6, "Chiffre d'affaires net (H.T.) kEUR 2017", "12a", "not a number (or beyond ±10^15)"), lines[1].Reject);
        Assert.Equal(new LineReject("diane.csv", 3, 8, "Date de clôture 2016", "", "items delivered for 2016 but no closing date"), lines[2].Reject);
        Assert.Equal(new LineReject("diane.csv", 3, 4, "Date de clôture 2017", "2017-12-31", "not a date like 31/12/2017 (dd/MM/yyyy)"), lines[3].Reject);
        Assert.Equal(new LineReject("diane.csv", 4, 1, "Numéro Siren", "55210055", "not a SIREN (9 digits, spaces allowed)"), lines[4].Reject);
        Assert.Equal(new LineReject("diane.csv", 5, 3, "Nombre de filiales", "x", "not a number (or beyond ±10^15)"), lines[5].Reject);
        Assert.Equal(6, lines.Count);
    }

    [Fact]
    public async Task A_company_without_any_year_of_accounts_is_reported()
    {
        var file = Header + "\"552100554\";\"A\";\"2\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"\r\n";
        var lines = await ParseAsync(new StringReader(file), "diane.csv");

        Assert.Equal(new LineReject("diane.csv", 2, 8, "Date de clôture 2016", "", "no fiscal year with a closing date: nothing to ingest for this company"),
            Assert.Single(lines).Reject);
    }

    [Fact]
    public async Task An_amount_too_large_to_be_true_is_rejected_not_overflowed()
    {
        var file = Header + "\"552100554\";\"A\";\"\";\"31/12/2017\";\"12\";\"79228162514264337593543950335\";\"\";\"\";\"\";\"\";\"\"\r\n";
        var lines = await ParseAsync(new StringReader(file), "diane.csv");

        var reject = Assert.Single(lines).Reject;
        Assert.Equal((2L, 6, "not a number (or beyond ±10^15)"), (reject!.Line, reject.Column!.Value, reject.Reason));
    }

    [Fact]
    public async Task A_year_without_its_closing_date_column_refuses_the_file()
    {
        var header = "\"Numéro Siren\";\"Chiffre d'affaires net (H.T.) kEUR 2017\"\r\n";
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() => ParseAsync(new StringReader(header), "diane.csv"));
        Assert.Contains("missing column(s) Date de clôture 2017", ex.Message);
    }

    [Fact]
    public async Task Utf16_with_bom_as_delivered_is_detected()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header
            + "\"552100554\";\"Société\";\"\";\"31/12/2017\";\"12\";\"5\";\"\";\"\";\"\";\"\";\"\"\r\n")).ToArray();
        var (reader, encoding) = await DeliveredContent.OpenTextAsync(new MemoryStream(bytes), CancellationToken.None);
        using (reader)
        {
            var lines = await ParseAsync(reader, "diane.txt");
            Assert.Equal("Société", Assert.IsType<FinancialStatement>(Assert.Single(lines).Record).CompanyName);
        }
        Assert.Equal(Encoding.Unicode.WebName, encoding.WebName);
    }

    private static int? Nullable(JsonElement tuple, string name) =>
        tuple.GetProperty(name).ValueKind == JsonValueKind.Null ? null : tuple.GetProperty(name).GetInt32();
}
