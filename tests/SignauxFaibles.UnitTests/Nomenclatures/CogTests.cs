using SignauxFaibles.Nomenclatures.Geography;

namespace SignauxFaibles.UnitTests.Nomenclatures;

public sealed class CogTests
{
    [Fact]
    public void The_table_holds_101_departements_in_the_18_regions()
    {
        Assert.Equal(101, Cog.Departements.Count);
        Assert.Equal(18, Cog.Regions.Count);
        // Every région has a département, and every département's région is in the table.
        Assert.Equal(Cog.Regions.Keys.Order(), Cog.Departements.Values.Select(d => d.RegionCode).Distinct().Order());
    }

    [Theory]
    [InlineData("21", "Côte-d'Or", "27")]
    [InlineData("01", "Ain", "84")]
    [InlineData("2A", "Corse-du-Sud", "94")]
    [InlineData("2B", "Haute-Corse", "94")]
    [InlineData("27", "Eure", "28")]
    [InlineData("75", "Paris", "11")]
    [InlineData("90", "Territoire de Belfort", "27")]
    [InlineData("974", "La Réunion", "04")]
    [InlineData("976", "Mayotte", "06")]
    public void A_departement_has_its_name_and_region(string code, string name, string region) =>
        Assert.Equal(new Departement(code, name, region), Cog.FindDepartement(code));

    [Theory]
    [InlineData("27", "Bourgogne-Franche-Comté")]
    [InlineData("11", "Île-de-France")]
    [InlineData("93", "Provence-Alpes-Côte d'Azur")]
    [InlineData("01", "Guadeloupe")]
    public void A_region_has_its_name(string code, string name) => Assert.Equal(name, Cog.FindRegion(code)?.Name);

    [Theory]
    [InlineData("20")]
    [InlineData("975")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_code_that_is_no_departement_is_not_found(string? code) => Assert.Null(Cog.FindDepartement(code));

    [Fact]
    public void Codes_of_regions_and_departements_are_not_mixed_up() => Assert.Null(Cog.FindRegion("21"));
}
