using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class CommaLineTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("a,,", new[] { "a", "", "" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("x,\"say \"\"hi\"\"\",", new[] { "x", "say \"hi\"", "" })]
    [InlineData("\"\",\"\"", new[] { "", "" })]
    [InlineData("a\"b,c", new[] { "a\"b", "c" })]
    [InlineData("\"open,end", new[] { "open,end" })]
    [InlineData("\"q\"tail,z", new[] { "qtail", "z" })]
    public void Splits_like_open_data_csv(string line, string[] expected) => Assert.Equal(expected, CommaLine.Split(line));
}
