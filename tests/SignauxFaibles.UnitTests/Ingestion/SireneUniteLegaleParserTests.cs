using System.Text.Json;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Insee.UniteLegale;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class SireneUniteLegaleParserTests
{
    private static string Fixture(string name) => ParserTesting.Fixture("sirene_ul", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new UniteLegaleParser().ParseAllAsync(reader, name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("sireneULTestData.csv"));
        var lines = await ParseAsync(reader, "sireneULTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedSireneUL.json")));
        var records = lines.Where(l => l.Record is not null).Select(l => (CompanyRegistration)l.Record!).ToDictionary(r => r.Siren.Value);

        var compared = 0;
        foreach (var tuple in expected.RootElement.GetProperty("tuples").EnumerateArray())
        {
            var siren = tuple.GetProperty("siren").GetString()!;
            // The reference let "invalid_date" through as no date; a malformed date is a reject here (below).
            if (siren == "789211558") continue;
            var record = records[siren];
            Assert.Equal(tuple.GetProperty("raison_sociale").GetString(), record.Name ?? string.Empty);
            Assert.Equal(Text(tuple, "nom_unite_legale"), record.LastName);
            Assert.Equal(Text(tuple, "prenom1_unite_legale"), record.FirstName);
            Assert.Equal(Text(tuple, "categorie_juridique"), record.LegalCategory);
            Assert.Equal(Text(tuple, "ape"), record.ActivityCode);
            Assert.Equal(Text(tuple, "ape_naf25"), record.ActivityCodeNaf2025);
            Assert.Equal(tuple.TryGetProperty("date_creation", out var created) ? DateOnly.FromDateTime(created.GetDateTime()) : null, record.CreatedOn);
            Assert.Equal(tuple.GetProperty("est_actif").GetBoolean(), record.Active);
            Assert.Equal(siren, record.RecordKey);
            compared++;
        }
        Assert.Equal(2, compared);

        // Filtered by the reference for its old nomenclature; a company all the same.
        Assert.Equal(("97.90", "NAF", "00026"), (records["238307776"].ActivityCode, records["238307776"].ActivityNomenclature, records["238307776"].HeadOfficeNic));
        var reject = Assert.Single(lines, l => l.Reject is not null).Reject!;
        Assert.Equal(new LineReject("sireneULTestData.csv", 3, 4, "dateCreationUniteLegale", "invalid_date", "not a date (AAAA-MM-JJ)"), reject);
    }

    [Fact]
    public async Task A_bad_state_legal_category_or_head_office_nic_is_rejected()
    {
        var header = File.ReadLines(Fixture("sireneULTestData.csv")).First();
        var good = File.ReadLines(Fixture("sireneULTestData.csv")).Last().Split(',');
        string With(string column, string value)
        {
            var fields = (string[])good.Clone();
            fields[Array.IndexOf(header.Split(','), column)] = value;
            return string.Join(',', fields);
        }
        var file = string.Join('\n', header, With("etatAdministratifUniteLegale", "F"), With("categorieJuridiqueUniteLegale", "54A2"),
            With("nicSiegeUniteLegale", "21"), With("siren", "11223344X"), string.Join(',', good)) + "\n";
        var lines = await ParseAsync(new StringReader(file), "ul.csv");

        Assert.Equal(["etatAdministratifUniteLegale", "categorieJuridiqueUniteLegale", "nicSiegeUniteLegale", "siren"],
            lines.Take(4).Select(l => l.Reject!.ColumnName));
        Assert.Equal("companyname", Assert.IsType<CompanyRegistration>(lines[4].Record).Name);
    }

    [Fact]
    public async Task The_usual_names_are_kept_joined_in_Sirene_order_and_absent_when_none()
    {
        var header = File.ReadLines(Fixture("sireneULTestData.csv")).First();
        var good = File.ReadLines(Fixture("sireneULTestData.csv")).Last().Split(',');
        string With(params (string Column, string Value)[] values)
        {
            var fields = (string[])good.Clone();
            foreach (var (column, value) in values) fields[Array.IndexOf(header.Split(','), column)] = value;
            return string.Join(',', fields);
        }
        var file = string.Join('\n', header,
            With(("denominationUsuelle1UniteLegale", "BOULANGERIE DUPONT"), ("denominationUsuelle2UniteLegale", ""), ("denominationUsuelle3UniteLegale", "AU BON PAIN")),
            With(("denominationUsuelle1UniteLegale", ""), ("denominationUsuelle2UniteLegale", " "), ("denominationUsuelle3UniteLegale", ""))) + "\n";
        var lines = await ParseAsync(new StringReader(file), "ul.csv");

        Assert.Equal("BOULANGERIE DUPONT / AU BON PAIN", Assert.IsType<CompanyRegistration>(lines[0].Record).UsualName);
        Assert.Null(Assert.IsType<CompanyRegistration>(lines[1].Record).UsualName);
    }

    private static string? Text(JsonElement tuple, string name) => tuple.TryGetProperty(name, out var v) ? v.GetString() : null;
}
