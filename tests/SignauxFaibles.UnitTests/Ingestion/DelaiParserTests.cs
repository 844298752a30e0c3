using System.Text.Json;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Delai;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DelaiParserTests
{
    private const string Header = "Urssaf_gestion;Dep;Siret;Numero_compte_externe;Numero_structure;Date_creation;Date_echeance;Duree_delai;"
        + "Denomination_premiere_ligne;Indic_6M;Annee_creation;Montant_global_echeancier;Code_externe_stade;Code_externe_action\n";

    private static string Fixture(string name) => ParserTesting.Fixture("urssaf_delai", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new DelaiParser().ParseAllAsync(reader, name);

    private static DateOnly Day(JsonElement tuple, string name) => DateOnly.FromDateTime(tuple.GetProperty(name).GetDateTime());

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("delaiTestData.csv"));
        var lines = await ParseAsync(reader, "delaiTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedDelai.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("reports")[0];

        ParserTesting.AssertReferenceCounts(report, lines);
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var plan = Assert.IsType<PaymentPlan>(line.Record);
            Assert.Equal(tuple.GetProperty("numero_compte").GetString(), plan.AccountNumber);
            Assert.Equal(tuple.GetProperty("numero_contentieux").GetString(), plan.CaseNumber);
            Assert.Equal(Day(tuple, "date_creation"), plan.GrantedOn);
            Assert.Equal(Day(tuple, "date_echeance"), plan.DueOn);
            Assert.Equal(tuple.GetProperty("duree_delai").GetInt32(), plan.DurationDays);
            Assert.Equal(tuple.GetProperty("denomination").GetString(), plan.CompanyName);
            Assert.Equal(tuple.GetProperty("indic_6m").GetString(), plan.SixMonthIndicator);
            Assert.Equal(tuple.GetProperty("annee_creation").GetInt32(), plan.CreationYear);
            Assert.Equal(tuple.GetProperty("montant_echeancier").GetDecimal(), plan.Amount);
            Assert.Equal(tuple.GetProperty("stade").GetString(), plan.Stage);
            Assert.Equal(tuple.GetProperty("action").GetString(), plan.Action);
        }
        var first = (PaymentPlan)lines[0].Record!;
        Assert.Equal("00000000000000", first.Siret?.Value);
        Assert.Equal("delai:111982477292496174:5856690802766:2000-01-01", first.RecordKey);
        Assert.Equal(3, lines.Select(l => l.Record!.RecordKey).Distinct().Count());
    }

    [Fact]
    public async Task Reads_a_decimal_comma_and_leaves_empty_optional_fields_null()
    {
        var file = Header + "217;63;00000000000000;111;585;01/01/2000;04/01/2001;456;;;;1 234,5;;\n";
        var plan = Assert.IsType<PaymentPlan>((await ParseAsync(new StringReader(file), "f.csv"))[0].Record);

        Assert.Equal(1234.5m, plan.Amount);
        Assert.Null(plan.CompanyName);
        Assert.Null(plan.SixMonthIndicator);
        Assert.Null(plan.CreationYear);
        Assert.Null(plan.Stage);
        Assert.Null(plan.Action);
    }

    [Fact]
    public async Task A_bad_field_is_reported_with_its_column()
    {
        var file = Header
            + "217;63;00000000000000;111;585;2000-01-01;04/01/2001;456;n;INF;2000;5065.79;s;a\n"
            + "217;63;00000000000000;111;585;01/01/2000;04/01/2001;4 mois;n;INF;2000;5065.79;s;a\n"
            + "217;63;0000000000000;111;585;01/01/2000;04/01/2001;456;n;INF;2000;5065.79;s;a\n"
            + "217;63;00000000000000;111;;01/01/2000;04/01/2001;456;n;INF;2000;5065.79;s;a\n"
            + "217;63;00000000000000;111;585;01/01/2000;31/02/2001;456;n;INF;2000;5065.79;s;a\n"
            + "217;63;00000000000000;111;585;01/01/2000;04/01/2001;456;n;INF;2000;5065,79 EUR;s;a\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.All(lines, l => Assert.Null(l.Record));
        Assert.Equal(new LineReject("f.csv", 2, 6, "Date_creation", "2000-01-01", "not a date (dd/MM/yyyy)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 8, "Duree_delai", "4 mois", "not a number of days"), lines[1].Reject);
        Assert.Equal(new LineReject("f.csv", 4, 3, "Siret", "0000000000000", "not a SIRET (14 digits)"), lines[2].Reject);
        Assert.Equal(new LineReject("f.csv", 5, 5, "Numero_structure", string.Empty, "value is required"), lines[3].Reject);
        Assert.Equal(new LineReject("f.csv", 6, 7, "Date_echeance", "31/02/2001", "not a date (dd/MM/yyyy)"), lines[4].Reject);
        Assert.Equal(new LineReject("f.csv", 7, 12, "Montant_global_echeancier", "5065,79 EUR", "not an amount in euros"), lines[5].Reject);
    }

    [Fact]
    public async Task The_account_only_layout_names_the_account_and_leaves_the_siret_to_the_account_map()
    {
        using var reader = new StreamReader(Fixture("delai_compte_seul.csv"));
        var lines = await ParseAsync(reader, "delai_compte_seul.csv");

        var plans = lines.Where(l => l.Record is not null).Select(l => (PaymentPlan)l.Record!).ToList();
        Assert.Equal(2, plans.Count);
        Assert.All(plans, p => Assert.Null(p.Siret));
        Assert.Equal(("757123456789012345", new DateOnly(2019, 3, 12), 12_480m), (plans[0].AccountNumber, plans[0].GrantedOn, plans[0].Amount));
        Assert.Equal(("4410000123999", 31_500.5m), (plans[1].CaseNumber, plans[1].Amount));
        // The account is the key of this layout: a line without it is refused.
        Assert.Equal(new LineReject("delai_compte_seul.csv", 4, 3, "Numero_compte_externe", string.Empty, "value is required"), lines[2].Reject);
        // The account map completes it with the establishment of the account on the day the plan was granted.
        Assert.Equal(("757123456789012345", new DateOnly(2019, 3, 12)), SignauxFaibles.Ingestion.Urssaf.Comptes.AccountResolution.Needed(plans[0]));
        var completed = (PaymentPlan)SignauxFaibles.Ingestion.Urssaf.Comptes.AccountResolution.WithSiret(plans[0], SignauxFaibles.Contracts.Identifiers.Siret.Parse("44100001200017"));
        Assert.Equal("44100001200017", completed.Siret?.Value);
    }

    [Fact]
    public async Task A_line_longer_than_a_line_may_be_is_rejected_unsplit_and_the_next_line_read()
    {
        var longLine = string.Concat(Enumerable.Repeat("\"a;", 400_000));
        var file = Header + longLine + "\n" + "217;63;00000000000000;111;585;01/01/2000;04/01/2001;456;n;INF;2000;5065.79;s;a\n";
        var lines = await ParseAsync(new StringReader(file), "f.csv");

        Assert.Equal((2L, null), (lines[0].Reject!.Line, lines[0].Reject!.Column));
        Assert.StartsWith("a line of 1,200,000 characters", lines[0].Reject!.Reason, StringComparison.Ordinal);
        Assert.IsType<PaymentPlan>(lines[1].Record);
    }

    [Fact]
    public async Task A_megabyte_line_of_unclosed_quotes_is_rejected_with_its_field_count()
    {
        var line = string.Concat(Enumerable.Repeat("\"a;", 340_000));
        var lines = await ParseAsync(new StringReader(Header + line + "\n"), "f.csv");

        Assert.StartsWith("wrong number of fields: 340001 instead of 14", Assert.Single(lines).Reject!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new StringReader("Urssaf_gestion;Dep;Siret;Compte;Date_de_traitement;Code_externe_stade;Code_externe_action\n"), "ccsf.csv"));
        Assert.Contains("ccsf.csv:1", ex.Message);
        Assert.Contains("Numero_compte_externe", ex.Message);
        Assert.Contains(Header.TrimEnd('\n'), ex.Message);
    }
}
