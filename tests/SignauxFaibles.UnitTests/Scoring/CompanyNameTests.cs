using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Scoring.Names;

namespace SignauxFaibles.UnitTests.Scoring;

public sealed class CompanyNameTests
{
    [Fact]
    public void A_legal_person_is_named_by_its_denomination_and_a_sole_trader_by_first_and_last_name()
    {
        Assert.Equal("Tôlerie de Bourgogne", CompanyNames.NameOf(Registration(" Tôlerie de Bourgogne ", null, null)));
        Assert.Equal("Claire MARTIN", CompanyNames.NameOf(Registration(null, "MARTIN", "Claire")));
        Assert.Null(CompanyNames.NameOf(Registration(null, null, " ")));
    }

    private static CompanyRegistration Registration(string? name, string? lastName, string? firstName) =>
        new("100000000", Siren.Parse("100000000"), name, lastName, firstName, "5710", "25.62B", "NAFRev2", null, null, true, "PME", null, null);
}
