using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Notifications.Roster;

namespace SignauxFaibles.UnitTests.Ingestion.Reading;

/// <summary>
/// The Sep reading gives, line for line, the records, rejects and refusals of the line-by-line
/// reading it replaced (ReadLine, then the layout's splitter on every line): on every text
/// fixture, on fixtures mutated byte by byte, and on random lines of every quoting rule.
/// </summary>
public class SepReadingEquivalenceTests
{
    private static readonly IReadOnlyList<IFileKind> AllKinds =
        [.. UrssafFileKinds.All, .. FinanceFileKinds.All, .. DgefpFileKinds.All, .. JudiciaireFileKinds.All, .. InseeFileKinds.All];

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static TheoryData<string> TextFixtures() => [.. TextFixturePaths().Select(p => Path.GetRelativePath(Fixtures, p))];

    private static IEnumerable<string> TextFixturePaths() =>
        Directory.GetFiles(Fixtures, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".csv.gz", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(TextFixtures))]
    public async Task A_fixture_reads_the_same(string fixture)
    {
        var path = Path.Combine(Fixtures, fixture);
        var parsers = ParsersOf(path);
        Assert.NotEmpty(parsers);
        foreach (var parser in parsers)
        {
            var bytes = await File.ReadAllBytesAsync(path);
            var (sep, lineByLine) = await BothReadingsAsync(parser, bytes);
            Assert.Equal(lineByLine, sep);
        }
    }

    [Fact]
    public async Task Mutated_fixtures_read_the_same()
    {
        var catalog = new FileKindCatalog(AllKinds);
        var samples = TextFixturePaths()
            .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && catalog.Recognise(f) is not null)
            .Select(f => (Parser: catalog.Recognise(f)!.Parser, Bytes: File.ReadAllBytes(f)))
            .ToList();
        for (var seed = 1; seed <= 600; seed++)
        {
            var random = new Random(seed);
            var (parser, bytes) = samples[random.Next(samples.Count)];
            var (sep, lineByLine) = await BothReadingsAsync(parser, ParserFuzzTests.Mutate(bytes, random));
            Assert.True(lineByLine.SequenceEqual(sep), $"seed {seed}: {string.Join("\n", sep.Except(lineByLine).Take(3))}");
        }
    }

    public static TheoryData<string> Formats() => ["semicolon", "comma", "open-data comma", "pipe, unquoted"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Random_lines_read_the_same(string name)
    {
        var (format, separator) = name switch
        {
            "semicolon" => (LineFormat.Semicolon, ';'),
            "comma" => (LineFormat.Comma, ','),
            "open-data comma" => (LineFormat.OpenDataComma, ','),
            _ => (LineFormat.Unquoted('|'), '|'),
        };
        // Short lines over a small alphabet (quotes, separators, blanks, every line end) reach every arrangement.
        var random = new Random(23);
        string[] alphabet = ["\"", "\"", separator.ToString(), separator.ToString(), "a", " ", "\t", "\n", "\r\n", "\r"];
        for (var n = 0; n < 2_000; n++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var text = $"a{separator}b{separator}c\n{body}";
            var parser = new EchoParser(format);
            Assert.Equal(await ParseTranscript.LineByLineAsync(parser, text), await ParseTranscript.OfAsync(parser, text));
        }
    }

    private static IReadOnlyList<IRecordParser> ParsersOf(string path)
    {
        if (path.Contains($"{Path.DirectorySeparatorChar}roster{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) return [new RosterParser()];
        // A sample not named as delivered is read by the kind of the files beside it.
        var catalog = new FileKindCatalog(AllKinds);
        var kind = catalog.Recognise(path)
            ?? Directory.GetFiles(Path.GetDirectoryName(path)!).Select(catalog.Recognise).FirstOrDefault(k => k is not null);
        return kind is null ? [] : [kind.Parser];
    }

    private static async Task<(List<string> Sep, List<string> LineByLine)> BothReadingsAsync(IRecordParser parser, byte[] bytes)
    {
        // A roster parser remembers the e-mails it saw: each reading gets its own.
        IRecordParser Fresh() => parser is RosterParser ? new RosterParser() : parser;
        var sep = await ReadAsync(bytes, reader => Fresh().ParseAsync(reader, "f.csv"));
        var lineByLine = await ReadAsync(bytes, reader => ((ILineByLineParser)Fresh()).ParseLineByLineAsync(reader, "f.csv"));
        return (sep, lineByLine);
    }

    private static async Task<List<string>> ReadAsync(byte[] bytes, Func<TextReader, IAsyncEnumerable<ParsedLine>> parse)
    {
        try
        {
            var (reader, _) = await DeliveredContent.OpenTextAsync(new MemoryStream(bytes), CancellationToken.None);
            return await ParseTranscript.OfAsync(parse(reader));
        }
        catch (FileRefusedException ex)
        {
            return [$"refused on opening: {ex.Message}"];
        }
    }
}
