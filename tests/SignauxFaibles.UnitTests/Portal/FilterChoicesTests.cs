using SignauxFaibles.Portal.Filters;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.UnitTests.Portal;

public sealed class FilterChoicesTests
{
    private static OfficerAccess Officer(bool national = false, string[]? departements = null, string[]? regions = null) =>
        new("agent", "DREETS", new HashSet<string>(), national, new HashSet<string>(departements ?? []), new HashSet<string>(regions ?? []));

    [Fact]
    public void A_national_officer_chooses_among_every_departement_and_region_by_name()
    {
        var departements = FilterChoices.Departements(Officer(national: true), null);
        Assert.Equal(101, departements.Count);
        Assert.Contains(new Choice("21", "Côte-d'Or (21)"), departements);
        var regions = FilterChoices.Regions(Officer(national: true), null);
        Assert.Equal(18, regions.Count);
        Assert.Contains(new Choice("27", "Bourgogne-Franche-Comté"), regions);
    }

    [Fact]
    public void A_regional_officer_is_offered_the_places_of_the_zone()
    {
        var officer = Officer(regions: ["27"]);
        Assert.Equal(["21", "25", "39", "58", "70", "71", "89", "90"], FilterChoices.Departements(officer, null).Select(c => c.Value));
        Assert.Equal([new Choice("27", "Bourgogne-Franche-Comté")], FilterChoices.Regions(officer, null));
    }

    [Fact]
    public void A_departement_officer_is_offered_the_departement_and_its_region()
    {
        var officer = Officer(departements: ["21"]);
        Assert.Equal([new Choice("21", "Côte-d'Or (21)")], FilterChoices.Departements(officer, null));
        Assert.Equal(["27"], FilterChoices.Regions(officer, null).Select(c => c.Value));
    }

    [Fact]
    public void The_filter_in_the_address_stays_offered()
    {
        var choices = FilterChoices.Departements(Officer(departements: ["21"]), "75");
        Assert.Equal(new Choice("75", "Paris (75)"), choices[^1]);
    }

    [Fact]
    public void Sections_are_offered_with_their_label_and_send_their_letter()
    {
        var sections = FilterChoices.Sections(null);
        Assert.Equal(21, sections.Count);
        Assert.Equal(new Choice("C", "C — Industrie manufacturière"), sections.Single(s => s.Value == "C"));
    }
}
