using System.Text.Json;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Ingestion.Finance.BanqueDeFrance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class BdfParserTests
{
    private const string Header = "D1;ANNEE;ARRETE_BILAN;DENOM;CP;REGION;SECTEUR;POIDS_FRNG;TX_MARGE;DELAI_FRS;POIDS_DFISC_SOC;POIDS_FIN_CT;POIDS_FRAIS_FIN\n";

    // Reference field name → our item code.
    private static readonly (string Reference, string Item)[] Ratios =
    [
        ("poids_frng", "bdfNetWorkingCapitalWeight"), ("taux_marge", "bdfMarginRate"), ("delai_fournisseur", "bdfSupplierPaymentDays"),
        ("dette_fiscale", "bdfTaxAndSocialDebtWeight"), ("financier_court_terme", "bdfShortTermFinancingWeight"),
        ("frais_financier", "bdfFinancialCostsWeight"),
    ];

    private static string Fixture(string name) => ParserTesting.Fixture("banque_de_france", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new BdfParser().ParseAllAsync(reader, name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("bdfTestData.csv"));
        var lines = await ParseAsync(reader, "bdfTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedBdfOutput.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("events")[0].GetProperty("event");

        Assert.Equal(report.GetProperty("linesValid").GetInt32(), lines.Count(l => l.Record is not null));
        Assert.Equal(report.GetProperty("linesRejected").GetInt32(), lines.Count(l => l.Reject is not null));
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var statement = Assert.IsType<FinancialStatement>(line.Record);
            Assert.Equal(tuple.GetProperty("siren").GetString(), statement.Siren.Value);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("arrete_bilan_bdf").GetDateTime()), statement.FiscalYearEnd);
            // The Banque's campaign year is the year after the closing date.
            Assert.Equal(tuple.GetProperty("annee_bdf").GetInt32(), statement.FiscalYearEnd.Year + 1);
            Assert.Equal(tuple.GetProperty("raison_sociale").GetString(), statement.CompanyName);
            Assert.Null(statement.DurationMonths);
            Assert.Equal(Ratios.Length, statement.Items.Count);
            foreach (var (reference, item) in Ratios)
                Assert.Equal(tuple.GetProperty(reference).GetDecimal(), statement.Items[item]);
        }
        Assert.Equal("bdf:000111222:2012-12-31", lines[0].Record!.RecordKey);
    }

    [Fact]
    public async Task Reads_a_decimal_comma_empty_ratios_and_a_siren_without_spaces()
    {
        var file = Header + "552100554;2021;30JUN2020;X;75000;IDF;S;-1,5;;12;;0;3.25\n";
        var statement = Assert.IsType<FinancialStatement>((await ParseAsync(new StringReader(file), "bdf.csv"))[0].Record);
        Assert.Equal("552100554", statement.Siren.Value);
        Assert.Equal(new DateOnly(2020, 6, 30), statement.FiscalYearEnd);
        Assert.Equal(-1.5m, statement.Items["bdfNetWorkingCapitalWeight"]);
        Assert.Null(statement.Items["bdfMarginRate"]);
        Assert.Equal(3.25m, statement.Items["bdfFinancialCostsWeight"]);
    }

    [Fact]
    public async Task A_bad_field_is_reported_with_its_line_and_column_and_good_lines_still_pass()
    {
        var file = Header
            + "000 111 22;2013;31DEC2012;S;87000;R;01;1;2;3;4;5;6\n"
            + "000 111 222;2013;2012-12-31;S;87000;R;01;1;2;3;4;5;6\n"
            + "000 111 222;2013;31DEC2012;S;87000;R;01;1;2;3;4;5;six\n"
            + "000 111 222;2013;31DEC2012;S;87000;R;01;1;2;3\n"
            + "000 111 222;2013;31DEC2012;S;87000;R;01;1;2;3;4;5;6\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.Equal(new LineReject("f.csv", 2, 1, "D1", "000 111 22", "not a SIREN (9 digits, spaces allowed)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 3, "ARRETE_BILAN", "2012-12-31", "not a date like 31DEC2012 (ddMMMyyyy)"), lines[1].Reject);
        Assert.Equal(new LineReject("f.csv", 4, 13, "POIDS_FRAIS_FIN", "six", "not a number (or beyond ±10^15)"), lines[2].Reject);
        Assert.Equal(5, lines[3].Reject!.Line);
        Assert.Contains("wrong number of fields", lines[3].Reject!.Reason);
        Assert.IsType<FinancialStatement>(lines[4].Record);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new StringReader("D1;ANNEE;ARRETE_BILAN;DENOM;POIDS_FRNG\n"), "bdf.csv"));
        Assert.Contains("bdf.csv:1", ex.Message);
        Assert.Contains("missing column(s) TX_MARGE", ex.Message);
        Assert.Contains(Header.TrimEnd('\n'), ex.Message);
    }
}
