using System.Text.Json;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Ingestion.Judiciaire.Altares;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class AltaresParserTests
{
    private const string Header = "Siret,Date d'effet,Date parution,Code du journal,Code de la nature de l'événement\n";

    private static string Fixture(string name) => ParserTesting.Fixture("altares", name);

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        var lines = await new AltaresParser().ParseDeliveredAsync(Fixture("altaresTestData.csv"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedAltaresOutput.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("events")[1].GetProperty("event");

        Assert.Equal(report.GetProperty("valid").GetInt32(), lines.Count(l => l.Record is not null));
        Assert.Equal(report.GetProperty("error").GetInt32(), lines.Count(l => l.Reject is not null));
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var announcement = Assert.IsType<LegalAnnouncement>(line.Record);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("date_effet").GetDateTime()), announcement.EffectiveOn);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("date_parution").GetDateTime()), announcement.PublishedOn);
            Assert.Equal(tuple.GetProperty("code_journal").GetString(), announcement.JournalCode);
            Assert.Equal(tuple.GetProperty("code_evenement").GetString(), announcement.EventCode);
        }
        var first = (LegalAnnouncement)lines[0].Record!;
        Assert.Equal("61433760225578", first.Siret.Value);
        Assert.Equal("614337602", first.Siren.Value);
    }

    [Fact]
    public async Task Bad_values_are_rejected_with_their_line_and_column()
    {
        var lines = await new AltaresParser().ParseAllAsync(new StringReader(Header
            + "61433760225578,03/02/2001,2011-12-29,CJ1,CN1\n"
            + "6143376022557,2001-02-03,2011-12-29,CJ1,CN1\n"
            + "61433760225578,2001-02-03,2011-12-29,,CN1\n"
            + "61433760225578,2001-02-03,2011-12-29,CJ1,CN1\n"), "altares.csv");

        Assert.Equal(new LineReject("altares.csv", 2, 2, "Date d'effet", "03/02/2001", "not a date (yyyy-MM-dd)"), lines[0].Reject);
        Assert.Equal(new LineReject("altares.csv", 3, 1, "Siret", "6143376022557", "not a SIRET (14 digits)"), lines[1].Reject);
        Assert.Equal(new LineReject("altares.csv", 4, 4, "Code du journal", string.Empty, "value is required"), lines[2].Reject);
        Assert.IsType<LegalAnnouncement>(lines[3].Record);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file() =>
        await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            new AltaresParser().ParseAllAsync(new StringReader("Siret,Date,Journal\n"), "altares.csv"));
}
