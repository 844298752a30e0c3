using System.Text.Json;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Dgefp.Demande;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DemandeParserTests
{
    private const string Header = "\"ID_DA\",\"ETAB_SIRET\",\"EFF_ENT\",\"EFF_ETAB\",\"DATE_STATUT\",\"DATE_DEB\",\"DATE_FIN\",\"HTA\",\"MTA\",\"EFF_AUTO\","
        + "\"MOTIF_RECOURS_SE\",\"PERIMETRE_AP\",\"S_HEURE_CONSOM_TOT\",\"S_EFF_CONSOM_TOT\",\"S_MONTANT_CONSOM_TOT\",\"RECOURS_ANTERIEUR\"\n";

    private static string Fixture(string name) => ParserTesting.Fixture("ap_demande", name);

    private static Task<List<ParsedLine>> ParseAsync(string text) => new DemandeParser().ParseAllAsync(new StringReader(text), "demande_ap.csv");

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        var lines = await new DemandeParser().ParseDeliveredAsync(Fixture("apdemandeTestData.csv"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedApdemande.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();

        ParserTesting.AssertReferenceCounts(expected.RootElement.GetProperty("reports")[0], lines);
        Assert.Equal(tuples.Count, lines.Count);
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var request = Assert.IsType<ShortTimeWorkRequest>(line.Record);
            Assert.Equal(tuple.GetProperty("id_demande").GetString(), request.RequestId);
            Assert.Equal(tuple.GetProperty("effectif_entreprise").GetInt32(), request.CompanyHeadcount);
            Assert.Equal(tuple.GetProperty("effectif").GetInt32(), request.EstablishmentHeadcount);
            Assert.Equal(Day(tuple, "date_statut"), request.StatusDate);
            Assert.Equal(Day(tuple, "periode_debut"), request.From);
            Assert.Equal(Day(tuple, "periode_fin"), request.To);
            Assert.Equal(tuple.GetProperty("hta").GetDecimal(), request.HoursAuthorised);
            Assert.Equal(tuple.GetProperty("mta").GetDecimal(), request.AmountAuthorised);
            Assert.Equal(tuple.GetProperty("effectif_autorise").GetInt32(), request.EmployeesAuthorised);
            Assert.Equal(tuple.GetProperty("motif_recours_se").GetInt32(), (int?)request.Reason);
            Assert.Equal(tuple.GetProperty("heures_consommees").GetDecimal(), request.HoursConsumed);
            Assert.Equal(tuple.GetProperty("montant_consomme").GetDecimal(), request.AmountConsumed);
            Assert.Equal(tuple.GetProperty("effectif_consomme").GetInt32(), request.EmployeesConsumed);
            Assert.Equal(tuple.GetProperty("perimetre").GetInt32(), (int?)request.Perimeter);
        }
        var first = (ShortTimeWorkRequest)lines[0].Record!;
        Assert.Equal("15756082097503", first.Siret.Value);
        Assert.Equal(ShortTimeWorkReason.EconomicConditions, first.Reason);
        Assert.Equal(ShortTimeWorkPerimeter.HoursCutPartOfEstablishment, first.Perimeter);
        Assert.Equal(ShortTimeWorkPriorUse.NotStated, first.PriorUse);
        Assert.Equal(ShortTimeWorkPriorUse.UsedInThreeYears, ((ShortTimeWorkRequest)lines[2].Record!).PriorUse);
        Assert.Equal(3, lines.Select(l => l.Record!.RecordKey).Distinct().Count());
    }

    [Fact]
    public async Task The_original_xlsx_delivery_is_read_by_column_name_among_its_fifty_columns()
    {
        var lines = await new DemandeParser().ParseDeliveredAsync(Fixture("apdemande.excelsheet"));

        // One filled row; the sheet's million formatted but empty rows are skipped, not rejected.
        var line = Assert.Single(lines);
        Assert.Equal(2, line.Line);
        var request = Assert.IsType<ShortTimeWorkRequest>(line.Record);
        Assert.Equal("0210377020", request.RequestId);
        Assert.Equal("37215938570251", request.Siret.Value);
        Assert.Equal(new DateOnly(2016, 7, 29), request.StatusDate);
        Assert.Equal(new DateOnly(2016, 8, 16), request.From);
        Assert.Equal(new DateOnly(2017, 1, 15), request.To);
        Assert.Equal(0m, request.HoursAuthorised);
        Assert.Null(request.AmountAuthorised);
        Assert.Equal(0, request.EmployeesAuthorised);
        Assert.Equal(ShortTimeWorkReason.EconomicConditions, request.Reason);
        Assert.Null(request.Perimeter);
        Assert.Null(request.PriorUse);
    }

    [Fact]
    public async Task The_csv_rows_typed_into_a_workbook_give_the_same_records()
    {
        var csv = await new DemandeParser().ParseDeliveredAsync(Fixture("apdemandeTestData.csv"));
        await using var workbook = await TestWorkbook.WriteAsync(TestWorkbook.ShuffledRows(Fixture("apdemandeTestData.csv")));
        var xlsx = await new DemandeParser().ParseDeliveredAsync(workbook, "demande_ap.xlsx");

        Assert.Equal(3, csv.Count);
        Assert.Equal(csv.Select(l => l.Record), xlsx.Select(l => l.Record));
        Assert.Equal(csv.Select(l => l.Line), xlsx.Select(l => l.Line));
    }

    [Fact]
    public async Task Bad_values_are_rejected_with_their_line_and_column_unknown_codes_kept_with_a_warning()
    {
        var lines = await ParseAsync(Header
            + "\"a1\",\"15756082097503\",1,1,\"2012-02-11\",\"2017-08-09\",\"2017-09-09\",10,\"1,5\",1,\"1\",\"2\",1,1,1,\"3\"\n"
            + "\"a2\",\"15756082097503\",1,1,\"2012-02-11\",\"2017-08-09\",\"2017-09-09\",10,1,1,\"6\",\"2\",1,1,1,\"3\"\n"
            + "\"a3\",\"15756082097503\",1,1,\"2012-02-11\",\"2017-08-09\",\"2017-09-09\",10,1,1,\"1\",\"5\",1,1,1,\"3\"\n"
            + "\"a4\",\"15756082097503\",1,1,\"2012-02-11\",\"2017-08-09\",\"2017-07-09\",10,1,1,\"1\",\"2\",1,1,1,\"3\"\n"
            + "\"a5\",\"1575608209750\",1,1,\"2012-02-11\",\"2017-08-09\",\"2017-09-09\",10,1,1,\"1\",\"2\",1,1,1,\"3\"\n"
            + "\"a6\",\"15756082097503\",1.5,1,\"2012-02-11\",\"2017-08-09\",\"2017-09-09\",10,1,1,\"1\",\"2\",1,1,1,\"3\"\n"
            + "\"a7\",\"15756082097503\",1,1,\"2012-02-11\",\"09/08/2017\",\"2017-09-31\",10,1,1,\"1\",\"2\",1,1,1,\"3\"\n"
            + "\"a8\",\"15756082097503\",1,1\n"
            + "\"\",\"15756082097503\",1,1,\"2012-02-11\",\"2017-08-09\",\"2017-09-09\",10,1,1,\"1\",\"2\",1,1,1,\"3\"\n");

        var accepted = Assert.IsType<ShortTimeWorkRequest>(lines[0].Record);
        Assert.Equal(1.5m, accepted.AmountAuthorised);
        // A code a newer export added: the request is kept, the code left empty, the line warned about.
        var unknownReason = Assert.IsType<ShortTimeWorkRequest>(lines[1].Record);
        Assert.Null(unknownReason.Reason);
        Assert.Equal(ShortTimeWorkPerimeter.HoursCutPartOfEstablishment, unknownReason.Perimeter);
        Assert.Equal([new LineReject("demande_ap.csv", 3, 11, "MOTIF_RECOURS_SE", "6", "not a reason code (1-5)")], lines[1].Warnings!);
        Assert.Null(Assert.IsType<ShortTimeWorkRequest>(lines[2].Record).Perimeter);
        Assert.Equal([new LineReject("demande_ap.csv", 4, 12, "PERIMETRE_AP", "5", "not a perimeter code (1-4)")], lines[2].Warnings!);
        Assert.Null(lines[0].Warnings);
        Assert.Equal(new LineReject("demande_ap.csv", 5, 7, "DATE_FIN", "2017-07-09", "the period ends before it starts"), lines[3].Reject);
        Assert.Equal(new LineReject("demande_ap.csv", 6, 2, "ETAB_SIRET", "1575608209750", "not a SIRET (14 digits)"), lines[4].Reject);
        Assert.Equal(new LineReject("demande_ap.csv", 7, 3, "EFF_ENT", "1.5", "not a whole number of employees"), lines[5].Reject);
        Assert.Equal(new LineReject("demande_ap.csv", 8, 7, "DATE_FIN", "2017-09-31", "not a date (yyyy-MM-dd or dd/MM/yyyy)"), lines[6].Reject);
        Assert.Equal(9, lines[7].Reject!.Line);
        Assert.StartsWith("wrong number of fields: 4", lines[7].Reject!.Reason);
        Assert.Equal(new LineReject("demande_ap.csv", 10, 1, "ID_DA", string.Empty, "value is required"), lines[8].Reject);
    }

    [Fact]
    public async Task A_newer_export_s_unknown_codes_keep_every_request_with_a_warning_per_field()
    {
        var lines = await new DemandeParser().ParseDeliveredAsync(Fixture("apdemande_codes_nouveaux.csv"));

        Assert.Equal(3, lines.Count(l => l.Record is not null));
        Assert.Equal(
            [(2L, "MOTIF_RECOURS_SE", "7"), (3, "DATE_STATUT", "à valider"), (3, "PERIMETRE_AP", "9"), (3, "RECOURS_ANTERIEUR", "4")],
            lines.SelectMany(l => l.Warnings ?? []).Select(w => (w.Line, w.ColumnName!, w.RawValue!)));
        var second = (ShortTimeWorkRequest)lines[1].Record!;
        Assert.Equal((null, null, null, ShortTimeWorkReason.EconomicConditions), (second.StatusDate, second.Perimeter, second.PriorUse, second.Reason));
        Assert.Null(lines[2].Warnings);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() => ParseAsync(Header.Replace("\"HTA\",", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("missing column(s) HTA", ex.Message);
        Assert.Contains("ID_DA;ETAB_SIRET;EFF_ENT", ex.Message);
    }

    private static DateOnly Day(JsonElement tuple, string name) => DateOnly.FromDateTime(tuple.GetProperty(name).GetDateTime());
}
