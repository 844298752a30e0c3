using SignauxFaibles.Ingestion.Insee.Conventions;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>Sirene codes read in any case: a lower-case state must not cost the line.</summary>
public sealed class SireneFieldsTests
{
    [Theory]
    [InlineData("A", true)]
    [InlineData("a", true)]
    [InlineData("F", false)]
    [InlineData("f", false)]
    [InlineData("C", null)]
    [InlineData("", null)]
    public void Establishment_state(string value, bool? active) => Assert.Equal(active, SireneFields.EstablishmentState(value));

    [Theory]
    [InlineData("a", true)]
    [InlineData("c", false)]
    [InlineData("F", null)]
    public void Legal_unit_state(string value, bool? active) => Assert.Equal(active, SireneFields.LegalUnitState(value));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("oui", null)]
    public void Boolean(string value, bool? expected) => Assert.Equal(expected, SireneFields.Boolean(value));

    [Theory]
    [InlineData("o", true)]
    [InlineData("N", false)]
    [InlineData("Y", null)]
    public void Employer_flag(string value, bool? expected) => Assert.Equal(expected, SireneFields.YesNo(value));
}
