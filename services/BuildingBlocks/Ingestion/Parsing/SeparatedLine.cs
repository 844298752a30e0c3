using System.Text;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Splits a line on a separator. Institutions quote loosely: a field that starts with a quote runs
/// to the quote that is followed by the separator or the end of the line (so it may hold the
/// separator, and "" is a quote); a quote anywhere else, or one never closed, is data. Fields are trimmed.
/// </summary>
/// <remarks>
/// Linear on any line. Reading a quoted field pairs the quotes of each run of consecutive quotes
/// from the run's start, so whether a run can close a field does not depend on where the field
/// began (save for the field's own opening run): the closing runs are found once per line, and a
/// field that never closes no longer costs a scan to the end of the line per field.
/// </remarks>
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
        var runs = QuoteRuns.Of(line, separator);
        var fields = new List<string>();
        var i = 0;
        var run = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"' && runs.ClosingQuote(i, ref run) is var close and >= 0)
            {
                fields.Add(Unquote(line, i + 1, close));
                i = close + 2;
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

    /// <summary>The text between an opening and a closing quote: each run of m quotes stands for ⌈m/2⌉ (pairs, then a lone quote as data).</summary>
    private static string Unquote(string line, int from, int to)
    {
        if (line.AsSpan(from, to - from).IndexOf('"') < 0) return line[from..to];
        var text = new StringBuilder(to - from);
        for (var j = from; j < to; j++)
        {
            if (line[j] != '"')
            {
                text.Append(line[j]);
                continue;
            }
            var end = j;
            while (end < to && line[end] == '"') end++;
            text.Append('"', (end - j + 1) / 2);
            j = end - 1;
        }
        return text.ToString();
    }

    /// <summary>The line's runs of consecutive quotes, and for each the first run at or after it that closes a field.</summary>
    private sealed class QuoteRuns
    {
        private readonly List<(int Start, int Length)> _runs = [];
        private int[] _nextClosing = [];
        private bool[] _followedBySeparator = [];

        public static QuoteRuns Of(string line, char separator)
        {
            var runs = new QuoteRuns();
            var followed = new List<bool>();
            for (var j = 0; j < line.Length; j++)
            {
                if (line[j] != '"') continue;
                var end = j;
                while (end < line.Length && line[end] == '"') end++;
                runs._runs.Add((j, end - j));
                followed.Add(end == line.Length || line[end] == separator);
                j = end - 1;
            }
            runs._followedBySeparator = [.. followed];
            // A run read from its start closes a field when its length is odd (pairs, then the closing
            // quote) and the separator or the end of the line follows it.
            runs._nextClosing = new int[runs._runs.Count + 1];
            runs._nextClosing[^1] = -1;
            for (var r = runs._runs.Count - 1; r >= 0; r--)
                runs._nextClosing[r] = runs._runs[r].Length % 2 == 1 && followed[r] ? r : runs._nextClosing[r + 1];
            return runs;
        }

        /// <summary>
        /// The closing quote of a field opened by the quote at <paramref name="start"/> (the first of a
        /// run), or -1 when it never closes. <paramref name="run"/> moves forward with the fields.
        /// </summary>
        public int ClosingQuote(int start, ref int run)
        {
            while (_runs[run].Start < start) run++;
            var (_, length) = _runs[run];
            // The opening quote is taken: the rest of its run is read from its second quote.
            if ((length - 1) % 2 == 1 && _followedBySeparator[run]) return start + length - 1;
            var closing = _nextClosing[run + 1];
            return closing < 0 ? -1 : _runs[closing].Start + _runs[closing].Length - 1;
        }
    }
}
