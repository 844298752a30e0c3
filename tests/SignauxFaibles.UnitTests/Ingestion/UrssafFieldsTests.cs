using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.UnitTests.Ingestion;

public sealed class UrssafFieldsTests
{
    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("12345", "123.45")]
    [InlineData("-7", "-0.07")]
    [InlineData("+250", "2.50")]
    [InlineData("9223372036854775807", "92233720368547758.07")]
    [InlineData("-9223372036854775808", "-92233720368547758.08")]
    public void Cents_become_euros_with_two_decimals(string raw, string euros)
    {
        var value = UrssafFields.Cents(raw);
        Assert.Equal(decimal.Parse(euros, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(euros, value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12,5")]
    [InlineData("9223372036854775808")]
    public void Non_integers_are_not_cents(string raw) => Assert.Null(UrssafFields.Cents(raw));
}
