using System.Text;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Splits a comma-separated line the way open-data CSV writes it (RFC 4180): a field may be
/// enclosed in double quotes, then it may hold commas and "" stands for a quote. A quote inside an
/// unquoted field is data. Values are not trimmed: the producers do not pad.
/// </summary>
public static class CommaLine
{
    public static string[] Split(string line)
    {
        // Most lines hold no quote at all: the vectorised split is enough.
        if (!line.Contains('"', StringComparison.Ordinal)) return line.Split(',');

        var fields = new List<string>();
        var text = new StringBuilder();
        var i = 0;
        while (true)
        {
            text.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i = ReadQuoted(line, i + 1, text);
            }
            else
            {
                var end = line.IndexOf(',', i);
                text.Append(line, i, (end < 0 ? line.Length : end) - i);
                i = end < 0 ? line.Length : end;
            }
            fields.Add(text.ToString());
            if (i >= line.Length) return [.. fields];
            i++; // the comma
            if (i == line.Length)
            {
                fields.Add(string.Empty);
                return [.. fields];
            }
        }
    }

    // Reads up to the closing quote; anything between it and the next comma is kept as data, so a
    // stray quote loses nothing. Returns the index of the comma, or Length.
    private static int ReadQuoted(string line, int i, StringBuilder text)
    {
        for (; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                text.Append(line[i]);
            }
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                text.Append('"');
                i++;
            }
            else
            {
                var end = line.IndexOf(',', i + 1);
                end = end < 0 ? line.Length : end;
                text.Append(line, i + 1, end - i - 1);
                return end;
            }
        }
        return line.Length;
    }
}
