using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Insee.Historique;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class SireneHistoriqueParserTests
{
    [Fact]
    public async Task Each_period_is_a_record_keyed_by_siret_and_start_and_bad_lines_are_rejected()
    {
        const string name = "StockEtablissementHistorique_sample.csv";
        using var reader = new StreamReader(ParserTesting.Fixture("sirene_historique", name));
        var lines = await new HistoriqueParser().ParseAllAsync(reader, name);

        var periods = lines.Take(4).Select(l => Assert.IsType<EstablishmentPeriod>(l.Record)).ToList();
        Assert.Equal(["12345678200017:2021-06-01", "12345678200017:2008-01-01", "12345678200017:1998-03-15", "98765432400025:2019-09-01"],
            periods.Select(p => p.RecordKey));
        Assert.Equal((new DateOnly(2008, 1, 1), new DateOnly(2021, 5, 31), true, true), (periods[1].From, periods[1].Until, periods[1].Active, periods[1].Employer));
        Assert.Equal((false, (DateOnly?)null, false), (periods[0].Active, periods[0].Until, periods[0].Employer));
        Assert.Equal(("52.1D", "NAFRev1"), (periods[2].ActivityCode, periods[2].ActivityNomenclature));
        Assert.Null(periods[3].Employer);

        Assert.Equal(new LineReject(name, 6, 4, "dateFin", "2019-08-31", "ends before it starts"), lines[4].Reject);
        Assert.Equal((7L, "siren"), (lines[5].Reject!.Line, lines[5].Reject!.ColumnName));
        Assert.Equal(6, lines.Count);
    }
}
