using System.Text.Json;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>What every parser test needs: fixture paths, all lines of a parse, the reference's counts.</summary>
internal static class ParserTesting
{
    public static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    public static async Task<List<ParsedLine>> ParseAllAsync(this IRecordParser parser, TextReader reader, string name)
    {
        var lines = new List<ParsedLine>();
        await foreach (var line in parser.ParseAsync(reader, name)) lines.Add(line);
        return lines;
    }

    /// <summary>Every line of a file as delivered (text or workbook, plain or wrapped), through the same path as an upload.</summary>
    public static async Task<List<ParsedLine>> ParseDeliveredAsync(this IRecordParser parser, Stream file, string name)
    {
        await using var delivered = await DeliveredFile.OpenAsync(file, CancellationToken.None);
        var lines = new List<ParsedLine>();
        await foreach (var line in delivered.ParseAsync(parser, name, CancellationToken.None)) lines.Add(line);
        return lines;
    }

    public static async Task<List<ParsedLine>> ParseDeliveredAsync(this IRecordParser parser, string path)
    {
        await using var file = File.OpenRead(path);
        return await parser.ParseDeliveredAsync(file, Path.GetFileName(path));
    }

    /// <summary>The valid and rejected line counts of an expected*.json report match the parse.</summary>
    public static void AssertReferenceCounts(JsonElement report, IReadOnlyCollection<ParsedLine> lines)
    {
        Assert.Equal(report.GetProperty("lines_valid").GetInt32(), lines.Count(l => l.Record is not null));
        Assert.Equal(report.GetProperty("lines_rejected").GetInt32(), lines.Count(l => l.Reject is not null));
    }
}
