using System.Text;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Splits a line on a separator. Institutions quote loosely: a field that starts with a quote runs
/// to the quote that is followed by the separator or the end of the line (so it may hold the
/// separator, and "" is a quote); a quote anywhere else, or one never closed, is data. Fields are trimmed.
/// </summary>
public static class SeparatedLine
{
    public static string[] Split(string line, char separator)
    {
        // Most lines hold no quote at all: the vectorised split is enough.
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            var parts = line.Split(separator);
            for (var p = 0; p < parts.Length; p++) parts[p] = parts[p].Trim();
            return parts;
        }
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"' && TryReadQuoted(line, i, separator, out var quoted, out var next))
            {
                fields.Add(quoted);
                i = next;
            }
            else
            {
                var end = line.IndexOf(separator, i);
                fields.Add(line[i..(end < 0 ? line.Length : end)].Trim());
                i = end < 0 ? line.Length + 1 : end + 1;
            }
            if (i > line.Length) return [.. fields];
        }
    }

    // On success, next is the index after the separator (or Length + 1 at the end of the line).
    private static bool TryReadQuoted(string line, int start, char separator, out string value, out int next)
    {
        var text = new StringBuilder();
        for (var j = start + 1; j < line.Length; j++)
        {
            if (line[j] != '"')
            {
                text.Append(line[j]);
                continue;
            }
            if (j + 1 < line.Length && line[j + 1] == '"')
            {
                text.Append('"');
                j++;
                continue;
            }
            if (j + 1 == line.Length || line[j + 1] == separator)
            {
                value = text.ToString();
                next = j + 2;
                return true;
            }
            text.Append('"');
        }
        value = string.Empty;
        next = 0;
        return false;
    }
}
