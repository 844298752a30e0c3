using System.Text;
using System.Text.Json;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Judiciaire.Paydex;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class PaydexParserTests
{
    private static string Fixture(string name) => ParserTesting.Fixture("paydex", name);

    [Fact]
    public async Task Stock_gives_the_values_the_reference_parser_extracted_and_rejects_its_bad_date()
    {
        var lines = await new PaydexParser().ParseDeliveredAsync(Fixture("paydexTestData.csv"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedPaydex.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();
        var report = expected.RootElement.GetProperty("events")[0].GetProperty("event");

        var records = lines.Where(l => l.Record is not null).Select(l => Assert.IsType<SupplierPaymentDelay>(l.Record)).ToList();
        Assert.Equal(report.GetProperty("linesValid").GetInt32(), records.Count);
        Assert.Equal(report.GetProperty("linesRejected").GetInt32(), lines.Count(l => l.Reject is not null));
        foreach (var (record, tuple) in records.Zip(tuples))
        {
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("date_valeur").GetDateTime()), record.ValueDate);
            Assert.Equal(tuple.GetProperty("nb_jours").GetDecimal(), record.Days);
        }
        Assert.Equal("000000001", records[0].Siren.Value);
        // The reference's "Line 3" counts data lines; ours is the file's line (header = line 1).
        Assert.Equal(new LineReject("paydexTestData.csv", 4, 4, "DATE_VALEUR", "01/15/2019", "not a date (dd/MM/yyyy or yyyy-MM-dd)"),
            lines.Single(l => l.Reject is not null).Reject);
    }

    [Fact]
    public async Task Monthly_increment_in_latin9_is_read_with_its_trailer()
    {
        var lines = await new PaydexParser().ParseDeliveredAsync(Fixture("paydexIncrementTestData.csv"));

        Assert.Equal(4, lines.Count);
        var first = Assert.IsType<SupplierPaymentDelay>(lines[0].Record);
        Assert.Equal(new SupplierPaymentDelay("paydex:552100554:2024-01-15", first.Siren, new DateOnly(2024, 1, 15), 12m, 72, 8, 152300m, 12400m, 15m, 3m), first);
        var comma = Assert.IsType<SupplierPaymentDelay>(lines[1].Record);
        Assert.Equal(0.5m, comma.Days);
        Assert.Equal(9800.50m, comma.AmountStudied);
        Assert.Equal(new LineReject("paydexIncrementTestData.csv", 4, 2, "Siren", "12345678", "not a SIREN (9 digits)"), lines[2].Reject);
        var isoDate = Assert.IsType<SupplierPaymentDelay>(lines[3].Record);
        Assert.Null(isoDate.PaydexIndex);
        Assert.Equal(new DateOnly(2024, 2, 15), isoDate.ValueDate);
    }

    [Theory]
    [InlineData("Fin du fichier : total 5 ligne(s);", "announces 5 line(s) but the file holds 4")]
    [InlineData("Fin du fichier : total 3 ligne(s);", "announces 3 line(s) but the file holds 4")]
    [InlineData(null, "no trailer line")]
    public async Task An_increment_whose_trailer_does_not_count_its_lines_is_refused(string? trailer, string reason)
    {
        var text = ReadIncrement().Replace("Fin du fichier : total 4 ligne(s);\r\n", trailer is null ? string.Empty : trailer + "\r\n", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<FileRefusedException>(() =>
            new PaydexParser().ParseAllAsync(new StringReader(text), "paydex_202401.csv"));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public async Task Blank_lines_around_the_trailer_are_neither_counted_nor_refused()
    {
        var text = ReadIncrement().Replace("Fin du fichier", "\r\nFin du fichier", StringComparison.Ordinal) + "\r\n\r\n";
        var lines = await new PaydexParser().ParseAllAsync(new StringReader(text), "paydex_202401.csv");
        Assert.Equal(3, lines.Count(l => l.Record is not null));
    }

    [Fact]
    public async Task Data_after_the_trailer_refuses_the_increment()
    {
        var text = ReadIncrement();
        var firstRow = text.Split("\r\n")[1];
        var ex = await Assert.ThrowsAsync<FileRefusedException>(() =>
            new PaydexParser().ParseAllAsync(new StringReader(text + firstRow + "\r\n"), "paydex_202401.csv"));
        Assert.Contains("paydex_202401.csv:7: data after the trailer line 6", ex.Message);
    }

    [Fact]
    public async Task A_header_of_neither_layout_refuses_the_file_and_names_the_missing_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() =>
            new PaydexParser().ParseAllAsync(new StringReader("SIREN;NB_JOURS;DATE\n"), "paydex.csv"));
        Assert.Contains("missing column(s) NB_JOURS_LIB, DATE_VALEUR", ex.Message);
    }

    private static string ReadIncrement() => File.ReadAllText(Fixture("paydexIncrementTestData.csv"), EncodingDetector.Latin9);
}
