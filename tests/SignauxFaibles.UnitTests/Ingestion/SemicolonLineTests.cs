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

    [Fact]
    public void Splits_every_line_as_the_first_scanning_version_did()
    {
        // Short lines over a small alphabet reach every arrangement of quotes, separators and blanks.
        var random = new Random(23);
        char[] alphabet = ['"', '"', ';', 'a', ' '];
        for (var n = 0; n < 200_000; n++)
        {
            var line = new string([.. Enumerable.Range(0, random.Next(0, 16)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(ScanningSplit.Split(line, ';'), SeparatedLine.Split(line, ';'));
        }
    }

    [Fact]
    public void A_megabyte_of_fields_opening_quotes_never_closed_is_split_in_one_pass()
    {
        // With a scan to the end of the line per field this took minutes; it is now one pass.
        var line = string.Concat(Enumerable.Repeat("\"a;", 350_000));
        var fields = SemicolonLine.Split(line);
        Assert.Equal(350_001, fields.Length);
        Assert.All(fields.Take(350_000), f => Assert.Equal("\"a", f));
    }

    /// <summary>The splitter as first written (a scan to a closing quote per quoted field), kept as the reference of its rules.</summary>
    private static class ScanningSplit
    {
        public static string[] Split(string line, char separator)
        {
            var fields = new List<string>();
            var i = 0;
            while (true)
            {
                if (i < line.Length && line[i] == '"' && TryReadQuoted(line, i, separator, out var quoted, out var next))
                {
                    fields.Add(quoted);
                    i = next;
                }
                else
                {
                    var end = line.IndexOf(separator, i);
                    fields.Add(line[i..(end < 0 ? line.Length : end)].Trim());
                    i = end < 0 ? line.Length + 1 : end + 1;
                }
                if (i > line.Length) return [.. fields];
            }
        }

        private static bool TryReadQuoted(string line, int start, char separator, out string value, out int next)
        {
            var text = new System.Text.StringBuilder();
            for (var j = start + 1; j < line.Length; j++)
            {
                if (line[j] != '"')
                {
                    text.Append(line[j]);
                    continue;
                }
                if (j + 1 < line.Length && line[j + 1] == '"')
                {
                    text.Append('"');
                    j++;
                    continue;
                }
                if (j + 1 == line.Length || line[j + 1] == separator)
                {
                    value = text.ToString();
                    next = j + 2;
                    return true;
                }
                text.Append('"');
            }
            value = string.Empty;
            next = 0;
            return false;
        }
    }
}
