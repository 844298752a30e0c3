using System.Globalization;

namespace SignauxFaibles.Modeling.Data;

/// <summary>One company month of a panel file: its numeric columns (NaN when empty or not a number) and its text labels.</summary>
public sealed class PanelMonth(string siren, IReadOnlyDictionary<string, int> index, string[] cells)
{
    public string Siren { get; } = siren;

    public float Value(string column) =>
        index.TryGetValue(column, out var i) && cells[i].Length > 0
        && double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (float)value : float.NaN;

    public string? Label(string column) => index.TryGetValue(column, out var i) && cells[i].Length > 0 ? cells[i] : null;
}

/// <summary>
/// Streams the company rows of one month out of the company panel CSV that <c>sf panel build</c>
/// writes (<c>siren,periode,</c> labels, values; never quoted), without holding the file: a
/// national panel is tens of gigabytes. A line with the wrong number of cells is an error naming its line.
/// </summary>
public static class PanelMonthReader
{
    /// <summary>The company rows of <paramref name="month"/> (yyyy-MM), in the file's order.</summary>
    public static IEnumerable<PanelMonth> Read(TextReader reader, string file, string month)
    {
        var header = reader.ReadLine()?.Split(',') ?? throw new TrainingFileException(file, 1, 0, "", "empty file");
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        if (header.Length < 2 || header[0] != "siren" || header[1] != "periode")
            throw new TrainingFileException(file, 1, 0, string.Join(',', header.Take(3)), "a company panel starts with the columns siren,periode");
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            // The month sits right after the 9-digit SIREN: only that month's lines are split.
            if (text.Length < 18 || string.CompareOrdinal(text, 10, month, 0, 7) != 0 || text[17] != ',') continue;
            var cells = text.Split(',');
            if (cells.Length != header.Length)
                throw new TrainingFileException(file, line, 0, text.Length > 60 ? text[..60] : text, $"{cells.Length} cells for {header.Length} columns");
            yield return new PanelMonth(cells[0], index, cells);
        }
    }
}
