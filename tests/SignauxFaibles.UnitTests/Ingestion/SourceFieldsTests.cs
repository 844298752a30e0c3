using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Spreadsheets;

namespace SignauxFaibles.UnitTests.Ingestion;

public class SourceFieldsTests
{
    [Theory]
    [InlineData("666113.56", 666113.56)]
    [InlineData("666113,56", 666113.56)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("-3", -3)]
    public void Decimal_reads_a_point_or_a_comma(string raw, double expected) => Assert.Equal((decimal)expected, SourceFields.Decimal(raw));

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("12e3")]
    [InlineData("")]
    public void Decimal_refuses_what_is_not_a_plain_number(string raw) => Assert.Null(SourceFields.Decimal(raw));

    [Theory]
    [InlineData("559.0", 559)]
    [InlineData("8", 8)]
    [InlineData("0,0", 0)]
    public void Whole_number_accepts_a_zero_fraction(string raw, int expected) => Assert.Equal(expected, SourceFields.WholeNumber(raw));

    [Theory]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Whole_number_refuses_a_fraction_or_an_overflow(string raw) => Assert.Null(SourceFields.WholeNumber(raw));

    [Theory]
    [InlineData("2017-08-09")]
    [InlineData("2017-08-09T00:00:00")]
    [InlineData("2017-08-09 13:45:00")]
    public void Iso_date_drops_a_time_of_day(string raw) => Assert.Equal(new DateOnly(2017, 8, 9), SourceFields.IsoDate(raw));

    [Fact]
    public void French_date_is_day_first() => Assert.Equal(new DateOnly(2018, 12, 15), SourceFields.FrenchDate("15/12/2018"));

    [Fact]
    public void Workbook_cells_are_written_as_a_csv_export_writes_them()
    {
        Assert.Equal("12345678901234", WorkbookRows.Format(12345678901234d));
        Assert.Equal("90.2", WorkbookRows.Format(90.2d));
        Assert.Equal("0.1", WorkbookRows.Format(0.1d));
        Assert.Equal("-5", WorkbookRows.Format(-5d));
        Assert.Equal("2016-07-29", WorkbookRows.Format(new DateTime(2016, 7, 29)));
        Assert.Equal("2016-07-29T08:30:00", WorkbookRows.Format(new DateTime(2016, 7, 29, 8, 30, 0)));
        Assert.Equal("GROUPE A", WorkbookRows.Format("  GROUPE A "));
        Assert.Equal(string.Empty, WorkbookRows.Format(null));
        Assert.Equal(string.Empty, WorkbookRows.Format(DBNull.Value));
    }
}
