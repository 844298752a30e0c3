using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion.Reading;

/// <summary>What the reading does with hostile lines: limits, quotes that never close, line ends of every kind.</summary>
public class DelimitedLimitsTests
{
    private const int MaxLine = DelimitedParser.MaxLineLength;
    private const int MaxField = DelimitedParser.MaxFieldLength;

    private static async Task<List<ParsedLine>> ParseAsync(string text, LineFormat? format = null)
    {
        var lines = new List<ParsedLine>();
        await foreach (var line in new EchoParser(format ?? LineFormat.Semicolon).ParseAsync(new StringReader(text), "t.csv")) lines.Add(line);
        return lines;
    }

    private static string Fields(ParsedLine line) => line.Record!.RecordKey;

    [Fact]
    public async Task A_field_over_the_limit_rejects_its_line_naming_the_column()
    {
        var lines = await ParseAsync($"a;b;c\nx;{new string('y', MaxField + 1)};z\nx;{new string('y', MaxField)};z\n");

        var reject = lines[0].Reject!;
        Assert.Equal((2, 2, "b"), (reject.Line, reject.Column!.Value, reject.ColumnName));
        Assert.Contains($"a field of {MaxField + 1:N0} characters", reject.Reason, StringComparison.Ordinal);
        Assert.StartsWith(new string('y', 64), reject.RawValue, StringComparison.Ordinal);
        Assert.NotNull(lines[1].Record);
    }

    [Fact]
    public async Task A_quoted_field_over_the_limit_is_caught_after_its_quotes_are_read()
    {
        var lines = await ParseAsync($"a;b;c\nx;y;\"{new string(';', MaxField + 1)}\"\n");
        Assert.Equal((3, "c"), (lines.Single().Reject!.Column!.Value, lines.Single().Reject!.ColumnName));
    }

    [Theory]
    [InlineData(";", "a;\"b;c\n1;2;3\n", "[\"a\",\"\\u0022b\",\"c\"]")]
    [InlineData(",", "a,\"b,c\n1,2,3\n", null)]
    public async Task A_quote_never_closed_does_not_reach_the_next_line(string separator, string body, string? firstLine)
    {
        var format = separator == ";" ? LineFormat.Semicolon : LineFormat.OpenDataComma;
        var lines = await ParseAsync($"a{separator}b{separator}c\n{body}", format);

        Assert.Equal(2, lines.Count);
        if (firstLine is null) Assert.Contains("wrong number of fields: 2 instead of 3", lines[0].Reject!.Reason, StringComparison.Ordinal);
        else Assert.Equal(firstLine, Fields(lines[0]));
        Assert.Equal((3L, "[\"1\",\"2\",\"3\"]"), (lines[1].Line, Fields(lines[1])));
    }

    [Fact]
    public async Task A_megabyte_of_quotes_never_closed_is_one_reject_and_the_next_line_is_read()
    {
        var overLimit = string.Concat(Enumerable.Repeat("\"a;", 350_000));
        var underLimit = string.Concat(Enumerable.Repeat("\"a;", 349_000));
        var lines = await ParseAsync($"a;b;c\n{overLimit}\n{underLimit}\n1;2;3\n");

        Assert.Equal(3, lines.Count);
        Assert.Contains($"a line of {overLimit.Length:N0} characters: longer than the {MaxLine:N0}", lines[0].Reject!.Reason, StringComparison.Ordinal);
        Assert.Contains("wrong number of fields: 349001 instead of 3", lines[1].Reject!.Reason, StringComparison.Ordinal);
        Assert.Equal((4L, "[\"1\",\"2\",\"3\"]"), (lines[2].Line, Fields(lines[2])));
    }

    [Fact]
    public async Task A_line_over_the_limit_is_rejected_with_its_true_length_however_long()
    {
        var lines = await ParseAsync($"a;b;c\n{new string('x', 3 * MaxLine)}\r\n1;2;3");

        Assert.Equal($"a line of {3 * MaxLine:N0} characters: longer than the {MaxLine:N0} a line may have", lines[0].Reject!.Reason);
        Assert.Equal(new string('x', 64) + "…", lines[0].Reject!.RawValue);
        Assert.Equal(3, lines[1].Line);
    }

    [Fact]
    public async Task A_header_over_the_limit_refuses_the_file()
    {
        var refusal = await Assert.ThrowsAsync<FileRefusedException>(() => ParseAsync(new string('a', MaxLine + 1) + "\n1;2;3\n"));
        Assert.Contains("a header line longer than", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_keep_their_numbers_in_the_file_whatever_their_ends_and_blank_lines()
    {
        var lines = await ParseAsync("\uFEFFa;b;c\r\n1;2;3\r\n\r\n4;5;6\r7;8;9\n\n\"x;y\";z\n");

        Assert.Equal([2L, 4, 5, 7], lines.Select(l => l.Line));
        Assert.Contains("wrong number of fields: 2 instead of 3", lines[^1].Reject!.Reason, StringComparison.Ordinal);
    }
}
