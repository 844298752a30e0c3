using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.UnitTests.Ingestion;

public class UrssafDatesTests
{
    [Theory]
    [InlineData("1160318", 2016, 3, 18)]
    [InlineData("990612", 1999, 6, 12)]
    [InlineData("1050824", 2005, 8, 24)]
    public void Dates_are_the_integer_plus_19000000(string raw, int y, int m, int d)
    {
        Assert.True(UrssafDates.TryParseDate(raw, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("1161318")]
    [InlineData("abc")]
    [InlineData("20160318")]
    public void Impossible_dates_are_refused(string raw) => Assert.False(UrssafDates.TryParseDate(raw, out _));

    [Theory]
    [InlineData("201631", "2016-07", "2016-07")]
    [InlineData("201712", "2017-02", "2017-02")]
    [InlineData("201640", "2016-10", "2016-12")]
    [InlineData("201662", "2016-01", "2016-12")]
    [InlineData("1631", "2016-07", "2016-07")]
    [InlineData("9911", "1999-01", "1999-01")]
    [InlineData("199904", "1999-01", "1999-01")] // quarter 0, month 4: (0-1)*3+4, as the reference computes it
    public void Periods_are_year_quarter_month(string raw, string first, string last)
    {
        Assert.True(UrssafDates.TryParsePeriod(raw, out var period));
        Assert.Equal(YearMonth.Parse(first), period.First);
        Assert.Equal(YearMonth.Parse(last), period.Last);
    }

    [Theory]
    [InlineData("201650")]
    [InlineData("201693")]
    [InlineData("16a1")]
    [InlineData("20163")]
    public void Impossible_periods_are_refused(string raw) => Assert.False(UrssafDates.TryParsePeriod(raw, out _));
}
