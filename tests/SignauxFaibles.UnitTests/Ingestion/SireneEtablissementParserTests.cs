using System.Text.Json;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Insee.Etablissement;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class SireneEtablissementParserTests
{
    private const string Header = "siren,nic,siret,dateCreationEtablissement,trancheEffectifsEtablissement,etablissementSiege,numeroVoieEtablissement,"
        + "typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,codeCommuneEtablissement,dateDebut,"
        + "etatAdministratifEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement\n";

    private static string Fixture(string name) => ParserTesting.Fixture("sirene", name);

    private static Task<List<ParsedLine>> ParseAsync(TextReader reader, string name) => new EtablissementParser().ParseAllAsync(reader, name);

    private static EstablishmentRegistration Single(List<ParsedLine> lines) => Assert.IsType<EstablishmentRegistration>(Assert.Single(lines).Record);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        using var reader = new StreamReader(Fixture("sireneTestData.csv"));
        var lines = await ParseAsync(reader, "sireneTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedSirene.json")));
        var records = lines.Where(l => l.Record is not null).Select(l => (EstablishmentRegistration)l.Record!).ToDictionary(r => r.Siret.Siren.Value);

        var compared = 0;
        foreach (var tuple in expected.RootElement.GetProperty("tuples").EnumerateArray())
        {
            var siren = tuple.GetProperty("siren").GetString()!;
            // The reference kept this line's other fields while reporting its coordinates invalid; we reject the line (below).
            if (siren == "232323234") continue;
            var record = records[siren];
            Assert.Equal(siren + tuple.GetProperty("nic").GetString(), record.Siret.Value);
            Assert.Equal(tuple.TryGetProperty("siege", out var siege) && siege.GetBoolean(), record.HeadOffice);
            Assert.Equal(Text(tuple, "numero_voie"), record.StreetNumber);
            Assert.Equal(Text(tuple, "type_voie"), record.StreetType);
            Assert.Equal(Text(tuple, "voie"), record.StreetName);
            Assert.Equal(Text(tuple, "commune"), record.CommuneName);
            Assert.Equal(Text(tuple, "code_commune"), record.CommuneCode);
            Assert.Equal(Text(tuple, "code_postal"), record.PostCode);
            Assert.Equal(Text(tuple, "departement"), record.Departement);
            Assert.Equal(Text(tuple, "ape"), record.ActivityCode);
            Assert.Equal(tuple.TryGetProperty("date_creation", out var created) ? DateOnly.FromDateTime(created.GetDateTime()) : null, record.CreatedOn);
            Assert.Equal(tuple.GetProperty("longitude").GetDouble(), record.Longitude);
            Assert.Equal(tuple.GetProperty("latitude").GetDouble(), record.Latitude);
            Assert.Equal(tuple.GetProperty("est_actif").GetBoolean(), record.Active);
            compared++;
        }
        Assert.Equal(3, compared);

        // The reference dropped establishments coded in an older nomenclature; they exist, so we keep them, marked as such.
        var older = records["121212123"];
        Assert.Equal(("28.41X", "NAFRev1", false), (older.ActivityCode, older.ActivityNomenclature, older.Active));
        var reject = Assert.Single(lines, l => l.Reject is not null).Reject!;
        Assert.Equal((6L, "longitude", "NOT_VALID"), (reject.Line, reject.ColumnName, reject.RawValue));
        Assert.Equal(4, records.Count);
    }

    [Fact]
    public async Task Every_row_of_the_real_geocoded_stock_is_accepted_with_its_departement()
    {
        await using var file = File.OpenRead(Fixture("StockEtablissement_utf8_geo.csv.gz"));
        var (reader, _) = await DeliveredContent.OpenTextAsync(file, CancellationToken.None);
        using (reader)
        {
            var lines = await ParseAsync(reader, "StockEtablissement_utf8_geo.csv.gz");

            Assert.Equal(40, lines.Count);
            Assert.All(lines, l => Assert.Null(l.Reject));
            foreach (var record in lines.Select(l => (EstablishmentRegistration)l.Record!))
            {
                // Written out independently of the parser: metropolitan départements are the code's
                // first two characters, overseas ones its first three.
                var code = record.CommuneCode!;
                var expected = code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2];
                Assert.Equal(expected, record.Departement);
                Assert.Equal("84", record.Region); // Ain is in Auvergne-Rhône-Alpes.
                Assert.Equal(record.RecordKey, record.Siret.Value);
            }
        }
    }

    [Fact]
    public async Task Corsica_overseas_arrondissements_and_abroad_are_placed()
    {
        var file = Header
            + "552100554,00013,55210055400013,1950-01-01,12,true,1,RUE,A,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00021,55210055400021,1950-01-01,12,false,1,RUE,A,97100,BASSE-TERRE,97105,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00039,55210055400039,1950-01-01,12,false,1,RUE,A,13001,MARSEILLE 1ER,13201,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00047,55210055400047,1950-01-01,12,false,,,,,,,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00054,55210055400054,1950-01-01,12,false,1,RUE,A,97500,SAINT-PIERRE,97502,2000-01-01,A,10.11Z,NAFRev2\n";
        var records = (await ParseAsync(new StringReader(file), "f.csv")).Select(l => (EstablishmentRegistration)l.Record!).ToList();

        Assert.Equal([("2A", "94"), ("971", "01"), ("13", "93"), (null, null), (null, null)],
            records.Select(r => (r.Departement, r.Region)));
    }

    [Fact]
    public async Task Bad_fields_are_reported_with_their_line_and_column()
    {
        var file = Header
            + "55210055,00013,,1950-01-01,12,true,1,RUE,A,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,0013,,1950-01-01,12,true,1,RUE,A,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00013,,1950-13-01,12,true,1,RUE,A,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00013,,1950-01-01,12,oui,1,RUE,A,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00013,,1950-01-01,12,true,1,RUE,A,20000,AJACCIO,20004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00013,,1950-01-01,12,true,1,RUE,A,20000,AJACCIO,2A004,2000-01-01,X,10.11Z,NAFRev2\n"
            + "552100554,00013,,1950-01-01,12,true\n";
        var rejects = (await ParseAsync(new StringReader(file), "f.csv")).Select(l => l.Reject).ToList();

        Assert.All(rejects, Assert.NotNull);
        Assert.Equal(
            [
                (2L, (int?)1, "siren"), (3L, 2, "nic"), (4L, 4, "dateCreationEtablissement"), (5L, 6, "etablissementSiege"),
                (6L, 12, "codeCommuneEtablissement"), (7L, 14, "etatAdministratifEtablissement"), (8L, null, null),
            ],
            rejects.Select(r => (r!.Line, r.Column, r.ColumnName)));
        Assert.Equal("not an INSEE commune code (COG)", rejects[4]!.Reason);
    }

    [Fact]
    public async Task Quoted_fields_and_withheld_values_are_read()
    {
        var file = Header + "552100554,00013,,[ND],12,true,\"12\",RUE,\"DE LA PAIX, BAT \"\"A\"\"\",75002,PARIS 2E ARRONDISSEMENT,75102,2000-01-01,A,10.11Z,NAFRev2\n";
        var record = Single(await ParseAsync(new StringReader(file), "f.csv"));

        Assert.Equal("DE LA PAIX, BAT \"A\"", record.StreetName);
        Assert.Null(record.CreatedOn);
        Assert.Equal(("75", "11"), (record.Departement, record.Region));
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            ParseAsync(new StringReader("siren,nic,dateCreation\n"), "StockEtablissement.csv"));
        Assert.Contains("codeCommuneEtablissement", ex.Message);
    }

    private static string? Text(JsonElement tuple, string name) => tuple.TryGetProperty(name, out var v) ? v.GetString() : null;
}
