using SignauxFaibles.Nomenclatures.LegalCategories;

namespace SignauxFaibles.UnitTests.Nomenclatures;

public sealed class LegalCategoryTests
{
    [Theory]
    [InlineData("5499", "Société à responsabilité limitée (SARL)")]
    [InlineData("5710", "Société par actions simplifiée (SAS)")]
    [InlineData("5720", "Société par actions simplifiée (SAS)")]
    [InlineData("5599", "Société anonyme à conseil d'administration")]
    [InlineData("5699", "Société anonyme à directoire")]
    [InlineData("1000", "Entrepreneur individuel")]
    [InlineData("9220", "Association loi 1901 ou assimilé")]
    [InlineData("54", "Société à responsabilité limitée (SARL)")]
    [InlineData(" 6540 ", "Société civile")]
    public void A_category_is_named_by_its_level_2(string code, string label) => Assert.Equal(label, LegalCategory.Label(code));

    [Theory]
    [InlineData("3")]
    [InlineData("12345")]
    [InlineData("54AB")]
    [InlineData("1100")]
    [InlineData("")]
    [InlineData(null)]
    public void A_code_that_is_no_category_has_no_label(string? code) => Assert.Null(LegalCategory.Label(code));

    [Fact]
    public void Level_2_codes_are_two_digits() =>
        Assert.All(LegalCategory.Categories.Keys, k => Assert.Matches("^[0-9]{2}$", k));
}
