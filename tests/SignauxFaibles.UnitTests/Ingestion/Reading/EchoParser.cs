using System.Text.Json;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion.Reading;

/// <summary>Columns a, b, c, each line accepted as its fields: shows what the reading hands a parser.</summary>
internal sealed class EchoParser(LineFormat format) : DelimitedParser
{
    protected override IReadOnlyList<string> RequiredColumns => ["a", "b", "c"];

    protected override LineFormat FormatOf(string header) => format;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line) =>
        ParsedLine.Accepted(line, new Echo(JsonSerializer.Serialize(fields)));

    public sealed record Echo(string RecordKey) : ISourceRecord;
}

/// <summary>A parse written out line by line (records as JSON, rejects, a refusal), to compare two readings.</summary>
internal static class ParseTranscript
{
    public static async Task<List<string>> OfAsync(IAsyncEnumerable<ParsedLine> lines)
    {
        var transcript = new List<string>();
        try
        {
            await foreach (var line in lines) transcript.Add(Render(line));
        }
        catch (Exception ex) when (ex is FileRefusedException or InvalidDataException)
        {
            transcript.Add($"refused: {ex.Message}");
        }
        return transcript;
    }

    public static Task<List<string>> OfAsync(IRecordParser parser, string text) => OfAsync(parser.ParseAsync(new StringReader(text), "t.csv"));

    public static Task<List<string>> LineByLineAsync(IRecordParser parser, string text) =>
        OfAsync(((ILineByLineParser)parser).ParseLineByLineAsync(new StringReader(text), "t.csv"));

    private static string Render(ParsedLine line)
    {
        var outcome = line.Record is { } record
            ? $"{record.GetType().Name} {JsonSerializer.Serialize(record, record.GetType())}"
            : line.Reject!.ToString();
        var warnings = line.Warnings is null ? "" : " warnings: " + string.Join(" / ", line.Warnings);
        return $"{line.Line}: {outcome}{warnings}";
    }
}
