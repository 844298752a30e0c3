using System.Reflection;
using System.Text;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Spreadsheets;
using SignauxFaibles.Notifications.Roster;

namespace SignauxFaibles.UnitTests.Ingestion.Properties;

/// <summary>
/// A parser the properties run: every kind of every ingestion service's registry (found by
/// reflection, so a new kind or a new service's registry is covered without a line here) and
/// the officers' roster. <see cref="Create"/> gives a parser per file: the roster's remembers e-mails.
/// </summary>
/// <param name="SeveralResultsPerLine">
/// The layout flattens a line into several results (one per year or month cell), and a bad cell
/// rejects only itself: such a line may yield records and rejects. Every other kind yields exactly
/// one record or one reject per data line.
/// </param>
public sealed record ParserUnderTest(string Name, Func<IRecordParser> Create, IReadOnlyList<Seed> Seeds, bool SeveralResultsPerLine)
{
    // Deliberately listed, not inferred: a new kind is held to one result per line until someone says otherwise.
    private static readonly HashSet<string> Flattening = ["diane", "urssaf-effectif", "urssaf-effectif-ent"];

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static IReadOnlyList<ParserUnderTest> All { get; } = Discover();

    public static TheoryData<string> Names() => [.. All.Select(p => p.Name)];

    public static ParserUnderTest Named(string name) => All.Single(p => p.Name == name);

    public override string ToString() => Name;

    /// <summary>Every public static <c>*FileKinds.All</c> of the ingestion services' assemblies shipped with the tests.</summary>
    public static IReadOnlyList<(Type Registry, IReadOnlyList<IFileKind> Kinds)> Registries() =>
        [.. Directory.GetFiles(AppContext.BaseDirectory, "SignauxFaibles.Ingestion.*.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsAbstract: true, IsSealed: true } && type.Name.EndsWith("FileKinds", StringComparison.Ordinal))
            .Select(type => (type, type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<IFileKind>))
            .Where(r => r.Item2 is not null)
            .Select(r => (r.type, r.Item2!))
            .OrderBy(r => r.type.FullName, StringComparer.Ordinal)];

    private static List<ParserUnderTest> Discover()
    {
        var kinds = Registries().SelectMany(r => r.Kinds).ToList();
        var catalog = new FileKindCatalog(kinds);
        var files = Directory.GetFiles(Fixtures, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var parsers = kinds.Select(kind =>
        {
            // A sample not named as delivered is read by the kind of the files beside it.
            var own = files.Where(f => (catalog.Recognise(f)
                ?? Directory.GetFiles(Path.GetDirectoryName(f)!).Select(catalog.Recognise).FirstOrDefault(k => k is not null)) == kind);
            return new ParserUnderTest(kind.Name, () => kind.Parser, SeedsOf(own, () => kind.Parser), Flattening.Contains(kind.Name));
        }).ToList();
        IRecordParser Roster() => new RosterParser();
        parsers.Add(new ParserUnderTest("roster", Roster, SeedsOf(files.Where(f => f.Contains($"{Path.DirectorySeparatorChar}roster{Path.DirectorySeparatorChar}", StringComparison.Ordinal)), Roster), false));
        return parsers;
    }

    private static List<Seed> SeedsOf(IEnumerable<string> files, Func<IRecordParser> parser) =>
        [.. files.Select(f => Seed.Read(f, parser)).Where(s => s is not null).Select(s => s!)];
}

/// <summary>
/// A fixture cut into what the generators build from: its header, its data lines (those that gave
/// a result) and its trailer line if it has one (the last non-empty line, when it gave none). A
/// workbook fixture is written out as the ';'-separated export its layouts also read.
/// </summary>
/// <param name="SilentLines">Other non-empty lines that gave no result: none, or the parser loses lines.</param>
public sealed record Seed(string File, string Header, IReadOnlyList<string> DataLines, string? Trailer, IReadOnlyList<long> SilentLines)
{
    public char Separator { get; } = new[] { ';', '|', ',', '\t' }.MaxBy(c => Header.Count(h => h == c));

    public override string ToString() => Path.GetFileName(File);

    /// <summary>The seed, or null for a fixture its parser refuses (e.g. a damaged sample kept to be refused).</summary>
    public static Seed? Read(string path, Func<IRecordParser> parser)
    {
        var text = IsWorkbook(path) ? WorkbookAsText(path) : Decode(System.IO.File.ReadAllBytes(path));
        if (text is null) return null;
        var lines = TextOracle.Lines(text);
        if (lines.Count < 2) return null;
        var results = new HashSet<long>();
        try
        {
            var all = parser().ParseAsync(new StringReader(text), Path.GetFileName(path)).ToBlockingEnumerable();
            foreach (var line in all) results.Add(line.Line);
        }
        catch (FileRefusedException)
        {
            return null;
        }
        var nonEmpty = Enumerable.Range(2, lines.Count - 1).Where(n => lines[n - 1].Length > 0).ToList();
        var data = nonEmpty.Where(n => results.Contains(n)).Select(n => lines[n - 1]).ToList();
        var silent = nonEmpty.Where(n => !results.Contains(n)).Select(n => (long)n).ToList();
        string? trailer = null;
        if (silent.Count > 0 && silent[^1] == nonEmpty[^1])
        {
            trailer = lines[nonEmpty[^1] - 1];
            silent.RemoveAt(silent.Count - 1);
        }
        return data.Count == 0 ? null : new Seed(path, lines[0], data, trailer, silent);
    }

    private static bool IsWorkbook(string path) => path.EndsWith(".excelsheet", StringComparison.Ordinal) || path.EndsWith(".excel", StringComparison.Ordinal);

    private static string? Decode(byte[] bytes)
    {
        try
        {
            var (reader, _) = DeliveredContent.OpenTextAsync(new MemoryStream(bytes), CancellationToken.None).GetAwaiter().GetResult();
            using (reader) return reader.ReadToEnd();
        }
        catch (FileRefusedException)
        {
            return null;
        }
    }

    private static string WorkbookAsText(string path)
    {
        using var file = System.IO.File.OpenRead(path);
        var text = new StringBuilder();
        foreach (var row in WorkbookRows.Read(file, Path.GetFileName(path), CancellationToken.None))
        {
            var cells = row.Cells.Select(c => c.ReplaceLineEndings(" ")).Select(c => c.Contains(';') || c.Contains('"') ? $"\"{c.Replace("\"", "\"\"")}\"" : c);
            text.AppendJoin(';', cells).Append('\n');
        }
        return text.ToString();
    }
}
