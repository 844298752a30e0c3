using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Pages;

namespace SignauxFaibles.UnitTests.Portal;

public sealed class RechercheTests
{
    [Fact]
    public void A_result_is_placed_by_its_departements_and_regions()
    {
        Assert.Equal("21 (région 27)", RechercheModel.Place(Result(["21"], ["27"])));
        Assert.Equal("21, 75 (région 11, 27)", RechercheModel.Place(Result(["21", "75"], ["11", "27"])));
        Assert.Equal("région 27", RechercheModel.Place(Result([], ["27"])));
        Assert.Equal("—", RechercheModel.Place(Result([], [])));
    }

    private static CompanySearchResult Result(string[] departements, string[] regions) =>
        new("100000000", "Tôlerie de Bourgogne", null, null, "High", departements, regions, null, false);
}
