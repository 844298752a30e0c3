using SignauxFaibles.Nomenclatures.Naf;

namespace SignauxFaibles.UnitTests.Nomenclatures;

public class NafNomenclatureTests
{
    private static readonly NafNomenclature Naf = NafNomenclature.Rev2;

    [Theory]
    [InlineData(NafLevel.Section, 21)]
    [InlineData(NafLevel.Division, 88)]
    [InlineData(NafLevel.Group, 272)]
    [InlineData(NafLevel.Class, 615)]
    [InlineData(NafLevel.SubClass, 732)]
    public void Holds_every_position_of_each_level_of_the_rev2(NafLevel level, int count)
    {
        var positions = Naf.AtLevel(level);
        Assert.Equal(count, positions.Count);
        Assert.All(positions, p => Assert.Equal(level, p.Level));
        Assert.All(positions, p => Assert.False(string.IsNullOrWhiteSpace(p.Label)));
    }

    [Theory]
    [InlineData("A", NafLevel.Section, "Agriculture, sylviculture et pêche")]
    [InlineData("g", NafLevel.Section, "Commerce ; réparation d'automobiles et de motocycles")]
    [InlineData("10", NafLevel.Division, "Industries alimentaires")]
    [InlineData("10.1", NafLevel.Group, "Transformation et conservation de la viande et préparation de produits à base de viande")]
    [InlineData("101", NafLevel.Group, "Transformation et conservation de la viande et préparation de produits à base de viande")]
    [InlineData("10.11", NafLevel.Class, "Transformation et conservation de la viande de boucherie")]
    [InlineData("47.11F", NafLevel.SubClass, "Hypermarchés")]
    [InlineData("4711f", NafLevel.SubClass, "Hypermarchés")]
    [InlineData(" 47.11 F ", NafLevel.SubClass, "Hypermarchés")]
    public void Finds_a_code_of_any_level_in_any_notation_with_its_french_label(string code, NafLevel level, string label)
    {
        var activity = Naf.Find(code);
        Assert.NotNull(activity);
        Assert.Equal(level, activity.Level);
        Assert.Equal(label, activity.Label);
    }

    [Theory]
    [InlineData("47.11F", "G")]
    [InlineData("4711", "G")]
    [InlineData("84.11Z", "O")]
    [InlineData("84", "O")]
    [InlineData("64.20Z", "K")]
    [InlineData("94.99Z", "S")]
    [InlineData("01.11Z", "A")]
    [InlineData("99.00Z", "U")]
    [InlineData("C", "C")]
    public void Gives_the_section_of_any_code(string code, string section)
    {
        var found = Naf.SectionOf(code);
        Assert.NotNull(found);
        Assert.Equal(NafLevel.Section, found.Level);
        Assert.Equal(section, found.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("00.00Z")]
    [InlineData("V")]
    [InlineData("47.111Z")]
    [InlineData("ABCDE")]
    public void Unknown_or_malformed_codes_are_not_found(string? code)
    {
        Assert.Null(Naf.Find(code));
        Assert.Null(Naf.SectionOf(code));
        Assert.Empty(Naf.Lineage(code));
    }

    [Theory]
    [InlineData("47.11", NafLevel.SubClass)]
    [InlineData("471", NafLevel.Division)]
    [InlineData("47.11F", NafLevel.Class)]
    public void A_code_asked_at_another_level_is_not_found(string code, NafLevel level)
    {
        Assert.NotNull(Naf.Find(code));
        Assert.Null(Naf.Find(code, level));
    }

    [Fact]
    public void A_sub_class_has_a_lineage_down_from_its_section()
    {
        var lineage = Naf.Lineage("10.11Z");
        Assert.Equal(["C", "10", "101", "1011", "1011Z"], lineage.Select(a => a.Code));
        Assert.Equal(["C", "10", "10.1", "10.11", "10.11Z"], lineage.Select(a => a.DottedCode));
        Assert.Equal([null, "C", "10", "101", "1011"], lineage.Select(a => a.ParentCode));
        Assert.Equal("10", Naf.AncestorAt("1011Z", NafLevel.Division)!.Code);
        Assert.Null(Naf.AncestorAt("10", NafLevel.Class));
    }

    [Fact]
    public void Every_position_below_a_section_lies_within_its_parent()
    {
        foreach (var level in new[] { NafLevel.Division, NafLevel.Group, NafLevel.Class, NafLevel.SubClass })
        {
            foreach (var position in Naf.AtLevel(level))
            {
                var parent = Naf.Find(position.ParentCode);
                Assert.NotNull(parent);
                Assert.Equal(level - 1, parent.Level);
                Assert.Equal(position.SectionCode, parent.SectionCode);
            }
        }
    }
}
