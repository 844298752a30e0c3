using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.UnitTests.Contracts;

public class SiretTests
{
    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("11111111111111", false)]
    public void Luhn_checksum_is_a_property_not_a_rejection(string value, bool checksum)
    {
        var siret = Siret.Parse(value);
        Assert.Equal(checksum, siret.HasValidChecksum);
    }

    [Fact]
    public void La_Poste_establishments_use_the_digit_sum_rule()
    {
        var branch = Siret.Parse("35600000049837"); // fails Luhn, digit sum multiple of 5
        Assert.True(branch.HasValidChecksum);
        Assert.True(Siret.Parse("35600000000048").HasValidChecksum); // head office passes Luhn
        Assert.False(Siret.Parse("35600000049838").HasValidChecksum);
    }

    [Fact]
    public void Siren_and_nic_are_the_two_parts()
    {
        var siret = Siret.Parse("73282932000074");
        Assert.Equal(Siren.Parse("732829320"), siret.Siren);
        Assert.Equal("00074", siret.Nic);
    }

    [Theory]
    [InlineData("73282932050074", true)]
    [InlineData("73282932060074", true)]
    [InlineData("73282932070074", true)]
    [InlineData("73282932090074", true)]
    [InlineData("73282932000074", false)]
    [InlineData("73282932080074", false)]
    public void Pseudo_siret_has_a_nic_starting_with_5_6_7_or_9(string value, bool pseudo) =>
        Assert.Equal(pseudo, Siret.Parse(value).IsPseudo);

    [Theory]
    [InlineData("7328293200007")]
    [InlineData("732829320000745")]
    [InlineData("7328293200007X")]
    public void Anything_but_fourteen_digits_is_refused(string value) =>
        Assert.False(Siret.TryParse(value, out _));
}
