using System.Text.Json;
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

    /// <summary>The valid and rejected line counts of an expected*.json report match the parse.</summary>
    public static void AssertReferenceCounts(JsonElement report, IReadOnlyCollection<ParsedLine> lines)
    {
        Assert.Equal(report.GetProperty("lines_valid").GetInt32(), lines.Count(l => l.Record is not null));
        Assert.Equal(report.GetProperty("lines_rejected").GetInt32(), lines.Count(l => l.Reject is not null));
    }
}
