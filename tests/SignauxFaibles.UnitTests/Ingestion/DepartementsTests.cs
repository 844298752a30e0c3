using SignauxFaibles.Ingestion.Insee.Geography;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DepartementsTests
{
    [Theory]
    [InlineData("01143", "01", "84")]
    [InlineData("2A004", "2A", "94")]
    [InlineData("2B033", "2B", "94")]
    [InlineData("75056", "75", "11")]
    [InlineData("75101", "75", "11")]
    [InlineData("75120", "75", "11")]
    [InlineData("69381", "69", "84")]
    [InlineData("13216", "13", "93")]
    [InlineData("59350", "59", "32")]
    [InlineData("97105", "971", "01")]
    [InlineData("97209", "972", "02")]
    [InlineData("97302", "973", "03")]
    [InlineData("97411", "974", "04")]
    [InlineData("97611", "976", "06")]
    public void A_commune_code_gives_its_departement_and_region(string commune, string departement, string region) =>
        Assert.Equal(new Location(departement, region), Departements.Locate(commune));

    [Theory]
    [InlineData("97502")] // Saint-Pierre-et-Miquelon
    [InlineData("97701")] // Saint-Barthélemy
    [InlineData("97801")] // Saint-Martin
    [InlineData("98735")] // French Polynesia
    [InlineData("99134")] // abroad
    public void Overseas_collectivities_and_abroad_have_no_departement(string commune) =>
        Assert.Equal(new Location(null, null), Departements.Locate(commune));

    [Theory]
    [InlineData("20004")] // Corsica before 1976
    [InlineData("00123")]
    [InlineData("96001")]
    [InlineData("97012")]
    [InlineData("2C004")]
    [InlineData("7510")]
    [InlineData("751011")]
    [InlineData("2A0X4")]
    public void A_code_that_is_no_commune_is_not_placed(string commune) => Assert.Null(Departements.Locate(commune));
}
