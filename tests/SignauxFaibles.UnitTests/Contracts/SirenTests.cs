using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.UnitTests.Contracts;

public class SirenTests
{
    [Theory]
    [InlineData("732829320", true)]
    [InlineData("552081317", true)]
    [InlineData("732829321", false)]
    [InlineData("000000000", true)]
    public void Nine_digits_parse_and_expose_their_checksum(string value, bool checksum)
    {
        var siren = Siren.Parse(value);
        Assert.Equal(value, siren.Value);
        Assert.Equal(checksum, siren.HasValidChecksum);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("73282932A")]
    [InlineData("732 829 320")]
    public void Anything_but_nine_digits_is_refused(string? value)
    {
        Assert.False(Siren.TryParse(value, out _));
        if (value is not null) Assert.Throws<FormatException>(() => Siren.Parse(value));
    }
}
