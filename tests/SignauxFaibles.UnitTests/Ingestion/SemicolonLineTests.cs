using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class SemicolonLineTests
{
    [Theory]
    [InlineData("a;b;c", new[] { "a", "b", "c" })]
    [InlineData("a;;c;", new[] { "a", "", "c", "" })]
    [InlineData("a;\"b;c\";d", new[] { "a", "b;c", "d" })]
    [InlineData("a;\"say \"\"hi\"\"\";d", new[] { "a", "say \"hi\"", "d" })]
    [InlineData("a;b\"c;d", new[] { "a", "b\"c", "d" })]
    [InlineData("654\",", new[] { "654\"," })]
    [InlineData("\"open;x", new[] { "\"open", "x" })]
    [InlineData("", new[] { "" })]
    public void Splits_with_loose_quoting(string line, string[] expected) =>
        Assert.Equal(expected, SemicolonLine.Split(line));
}
