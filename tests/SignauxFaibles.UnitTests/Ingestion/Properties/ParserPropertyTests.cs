using CsCheck;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion.Properties;

/// <summary>
/// Properties of every parser (issue 23): whatever the bytes, a parse ends with results or a
/// refusal of the whole file, nothing else; and on a file with the kind's real header, every data
/// line is accounted for, once, in the ledger's counts. CsCheck prints the seed of a failing case
/// (shrunk); run again with it (<c>seed:</c> below, or CsCheck_Seed) to reproduce.
/// </summary>
public class ParserPropertyTests
{
    // Enough to reach every generator branch for each parser while the suite stays short on 2 cores;
    // SF_PROPERTY_ITERATIONS=5000 (say) makes a longer hunt.
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("SF_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 150;

    public static TheoryData<string> Parsers() => ParserUnderTest.Names();

    [Fact]
    public void Every_registry_of_the_ingestion_services_is_found()
    {
        var registries = ParserUnderTest.Registries().Select(r => r.Registry.Name).ToList();
        Assert.Superset(new HashSet<string> { "DgefpFileKinds", "FinanceFileKinds", "InseeFileKinds", "JudiciaireFileKinds", "UrssafFileKinds" }, registries.ToHashSet());
        Assert.All(ParserUnderTest.Registries(), r => Assert.NotEmpty(r.Kinds));
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Every_parser_has_a_fixture_it_reads(string name)
    {
        // Without one the structured property has no header to start from: add a sample under tests/fixtures.
        var parser = ParserUnderTest.Named(name);
        Assert.True(parser.Seeds.Count > 0, $"{name}: no fixture under tests/fixtures gives it a header and a data line");
        // The fixtures themselves: every non-empty line but a trailer gives a result.
        Assert.All(parser.Seeds, seed => Assert.True(seed.SilentLines.Count == 0, $"{seed}: lines {string.Join(", ", seed.SilentLines)} gave no result"));
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Any_bytes_give_results_or_a_refusal(string name)
    {
        var parser = ParserUnderTest.Named(name);
        await ArbitraryBytes.For(parser).SampleAsync(async input =>
        {
            var run = await ParseAccounting.RunAsync(parser.Create(), input.Bytes);
            if (run.Refusal is not null) return;
            // A workbook is read by rows, not lines: only text is held to the text's lines.
            if (input.Bytes is [(byte)'P', (byte)'K', ..]) return;
            var text = await TextOracle.DecodeAsync(input.Bytes);
            ParseAccounting.AssertWellFormed(run.Lines, TextOracle.Lines(text).Count);
            if (input.Seed is not null) ParseAccounting.AssertAccounted(parser, text, input.Seed.Trailer is not null, run);
        }, iter: Iterations, print: i => i.ToString());
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task A_file_with_its_header_accounts_for_every_line(string name)
    {
        var parser = ParserUnderTest.Named(name);
        Assert.NotEmpty(parser.Seeds);
        await StructuredFile.For(parser).SampleAsync(async file =>
        {
            var run = await ParseAccounting.RunAsync(parser.Create(), file.Bytes);
            // The header is the layout's and the trailer counts right: nothing justifies refusing the file.
            Assert.True(run.Refusal is null, $"refused: {run.Refusal?.Message}");
            var text = await TextOracle.DecodeAsync(file.Bytes);
            ParseAccounting.AssertAccounted(parser, text, file.EndsWithTrailer, run);
        }, iter: Iterations, print: f => f.ToString());
    }

    [Fact]
    public async Task The_accounting_sees_a_line_given_twice_or_lost()
    {
        // The check itself: a parse that dropped a line, or answered one twice, must not pass.
        var parser = ParserUnderTest.Named("urssaf-debit");
        var seed = parser.Seeds[0];
        var text = $"{seed.Header}\n{seed.DataLines[0]}\n{seed.DataLines[0]}\n";
        var run = await ParseAccounting.RunAsync(parser.Create(), System.Text.Encoding.UTF8.GetBytes(text));
        ParseAccounting.AssertAccounted(parser, text, false, run);

        var lost = run with { Lines = run.Lines.Take(1).ToList() };
        Assert.ThrowsAny<Exception>(() => ParseAccounting.AssertAccounted(parser, text, false, lost));
        var twice = run with { Lines = [.. run.Lines, ParsedLine.Rejected(new LineReject("f", 3, null, null, null, "again"))] };
        Assert.ThrowsAny<Exception>(() => ParseAccounting.AssertAccounted(parser, text, false, twice));
    }
}
