using System.Text;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>
/// Property: whatever the bytes, a parser ends (no hang) and either yields records and rejects or
/// refuses the file as a whole — it never throws anything else. Inputs are random bytes and
/// fixtures mutated byte by byte and line by line; seeds are fixed so a failure reproduces.
/// </summary>
public class ParserFuzzTests
{
    private const int Iterations = 250;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    // Every service's kinds, so each fixture is recognised by exactly one of them.
    private static readonly IReadOnlyList<IFileKind> AllKinds =
    [
        .. UrssafFileKinds.All,
        .. FinanceFileKinds.All,
        .. DgefpFileKinds.All,
        .. JudiciaireFileKinds.All,
        .. InseeFileKinds.All,
    ];

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in AllKinds) data.Add(kind.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Random_and_mutated_bytes_only_produce_rejects_or_a_refusal(string kindName)
    {
        var catalog = new FileKindCatalog(AllKinds);
        var kind = catalog.Find(kindName)!;
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal) && catalog.Recognise(f) == kind)
            .Select(File.ReadAllBytes)
            .ToList();
        Assert.NotEmpty(samples);

        for (var seed = 1; seed <= Iterations; seed++)
        {
            var random = new Random(seed);
            var input = seed % 5 == 0 ? RandomBytes(random) : Mutate(samples[random.Next(samples.Count)], random);
            await ParseWithinBudgetAsync(kind, input, seed);
        }
    }

    private static async Task ParseWithinBudgetAsync(IFileKind kind, byte[] input, int seed)
    {
        using var budget = new CancellationTokenSource(Budget);
        try
        {
            // Through the same opening as an upload, so workbook samples are fuzzed as workbooks.
            await using var delivered = await DeliveredFile.OpenAsync(new MemoryStream(input), budget.Token);
            await foreach (var line in delivered.ParseAsync(kind.Parser, "fuzz.csv", budget.Token))
            {
                Assert.True(line.Record is not null ^ line.Reject is not null, $"seed {seed}: a line must be a record or a reject");
            }
        }
        catch (Exception ex) when (ex is FileRefusedException or InvalidDataException)
        {
            // Refusing the whole file is an allowed outcome.
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            Assert.Fail($"{kind.Name}, seed {seed}: parsing took longer than {Budget.TotalSeconds} s");
        }
        catch (Exception ex)
        {
            Assert.Fail($"{kind.Name}, seed {seed}: {ex.GetType().Name}: {ex.Message}\ninput: {Convert.ToBase64String(input)}");
        }
    }

    internal static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static readonly byte[][] Tokens = [";"u8.ToArray(), "\""u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), ","u8.ToArray(),
        "-"u8.ToArray(), "99999999999999999999"u8.ToArray(), "é"u8.ToArray(), [0], [0xff, 0xfe], "\t"u8.ToArray()];

    internal static byte[] Mutate(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        var edits = random.Next(1, 12);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4:
                    var text = Encoding.UTF8.GetString(bytes.ToArray());
                    var lines = text.Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    bytes = [.. Encoding.UTF8.GetBytes(string.Join('\n', lines))];
                    break;
                default: bytes.InsertRange(at, Enumerable.Repeat((byte)random.Next(32, 127), random.Next(1, 300))); break;
            }
        }
        return [.. bytes];
    }
}
