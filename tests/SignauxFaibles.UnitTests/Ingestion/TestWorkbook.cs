using System.Globalization;
using SignauxFaibles.Ingestion.Parsing;
using SpreadCheetah;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>
/// Writes rows as an xlsx workbook the way a spreadsheet user would have typed them: numbers as
/// numbers, ISO dates as date cells, the rest as text. Lets a test turn a CSV delivery into its
/// xlsx twin and check that both give the same records.
/// </summary>
internal static class TestWorkbook
{
    public static async Task<MemoryStream> WriteAsync(IEnumerable<IReadOnlyList<string>> rows)
    {
        var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync("Feuille1");
            var first = true;
            foreach (var row in rows)
            {
                // The header stays text even where a name looks like a number.
                await spreadsheet.AddRowAsync(row.Select(v => first ? new Cell(v) : Typed(v)).ToArray());
                first = false;
            }
            await spreadsheet.FinishAsync();
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>A ','-separated CSV file as rows, with its columns reordered and an unrelated column added in front, as the DGEFP xlsx has.</summary>
    public static IEnumerable<IReadOnlyList<string>> ShuffledRows(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).Select(l => SeparatedLine.Split(l, ',')).ToList();
        var order = Enumerable.Range(0, lines[0].Length).Reverse().ToArray();
        return lines.Select((fields, i) => (IReadOnlyList<string>)[i == 0 ? "Anomalie" : string.Empty, .. order.Select(o => fields[o])]);
    }

    private static Cell Typed(string value)
    {
        if (value.Length == 0) return new Cell((string?)null);
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return new Cell(date);
        if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return new Cell(number);
        return new Cell(value);
    }
}
