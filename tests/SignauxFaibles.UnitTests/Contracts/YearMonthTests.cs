using System.Text.Json;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.UnitTests.Contracts;

public class YearMonthTests
{
    [Theory]
    [InlineData(2020, 11, 3, 2021, 2)]
    [InlineData(2020, 1, -1, 2019, 12)]
    [InlineData(2020, 12, 12, 2021, 12)]
    [InlineData(2000, 3, -27, 1997, 12)]
    public void Adding_months_crosses_years(int y, int m, int add, int ey, int em) =>
        Assert.Equal(new YearMonth(ey, em), new YearMonth(y, m).AddMonths(add));

    [Fact]
    public void Months_between_two_months()
    {
        Assert.Equal(14, new YearMonth(2021, 3).MonthsSince(new YearMonth(2020, 1)));
        Assert.Equal(-14, new YearMonth(2020, 1).MonthsSince(new YearMonth(2021, 3)));
        Assert.Equal(13, YearMonth.Range(new YearMonth(2019, 12), new YearMonth(2020, 12)).Count());
    }

    [Fact]
    public void Order_and_days()
    {
        Assert.True(new YearMonth(2019, 12) < new YearMonth(2020, 1));
        Assert.Equal(new DateOnly(2024, 2, 29), new YearMonth(2024, 2).LastDay);
        Assert.Equal(new YearMonth(2016, 3), YearMonth.Of(new DateOnly(2016, 3, 18)));
    }

    [Theory]
    [InlineData("2020-13")]
    [InlineData("2020-00")]
    [InlineData("202001")]
    [InlineData("20-01-01")]
    public void Malformed_months_are_refused(string value) => Assert.False(YearMonth.TryParse(value, out _));

    [Fact]
    public void Invalid_month_number_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearMonth(2020, 13));

    [Fact]
    public void Identifiers_travel_as_strings()
    {
        var value = new { Siren = Siren.Parse("732829320"), Siret = (Siret?)Siret.Parse("73282932000074"), Month = new YearMonth(2020, 5) };
        var json = JsonSerializer.Serialize(value);
        Assert.Equal("""{"Siren":"732829320","Siret":"73282932000074","Month":"2020-05"}""", json);
    }
}
