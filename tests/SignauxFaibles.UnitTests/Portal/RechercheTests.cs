using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Pages;

namespace SignauxFaibles.UnitTests.Portal;

public sealed class RechercheTests
{
    [Fact]
    public void A_result_is_placed_by_the_names_of_its_departements_and_regions()
    {
        Assert.Equal("Côte-d'Or (21) — Bourgogne-Franche-Comté", RechercheModel.Place(Result(["21"], ["27"])));
        Assert.Equal("Côte-d'Or (21), Paris (75) — Île-de-France, Bourgogne-Franche-Comté", RechercheModel.Place(Result(["21", "75"], ["11", "27"])));
        Assert.Equal("Bourgogne-Franche-Comté", RechercheModel.Place(Result([], ["27"])));
        Assert.Equal("—", RechercheModel.Place(Result([], [])));
    }

    private static CompanySearchResult Result(string[] departements, string[] regions) =>
        new("100000000", "Tôlerie de Bourgogne", null, null, "High", departements, regions, null, false);
}
