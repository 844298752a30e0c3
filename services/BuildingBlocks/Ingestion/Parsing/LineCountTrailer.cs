using System.Globalization;
using System.Text.RegularExpressions;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// A closing line announcing how many data lines the file holds (e.g. <c>Fin du fichier : total 12 ligne(s)</c>).
/// A count that differs, a missing trailer or data after it means a truncated or altered delivery:
/// the file is refused as a whole, so nothing of it is published.
/// </summary>
/// <param name="pattern">Matches the whole trailer line; its group <c>count</c> is the announced number of data lines.</param>
/// <param name="example">The trailer's shape, quoted in refusals.</param>
public sealed class LineCountTrailer(Regex pattern, string example)
{
    public Check Start(string fileName) => new(this, fileName);

    /// <summary>The state of one file's reading.</summary>
    public sealed class Check(LineCountTrailer trailer, string fileName)
    {
        private long _dataLines;
        private long? _announced;
        private long _trailerLine;

        /// <summary>Whether the line is the trailer; data after a trailer refuses the file.</summary>
        public bool IsTrailer(string text, long line)
        {
            // Blank lines (before or after the trailer) are neither data nor trailer.
            if (string.IsNullOrWhiteSpace(text)) return false;
            var match = trailer._pattern.Match(text);
            if (!match.Success)
            {
                if (_announced is not null)
                    throw new FileRefusedException($"{fileName}:{line}: data after the trailer line {_trailerLine} ('{trailer._example}').");
                return false;
            }
            if (_announced is not null) throw new FileRefusedException($"{fileName}:{line}: a second trailer line.");
            _announced = long.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : -1;
            _trailerLine = line;
            return true;
        }

        public void CountDataLine() => _dataLines++;

        /// <summary>At the end of the file: the trailer is there and its count is the number of data lines read.</summary>
        public void Finish()
        {
            if (_announced is null)
                throw new FileRefusedException($"{fileName}: no trailer line ('{trailer._example}'); the delivery may be truncated.");
            if (_announced != _dataLines)
                throw new FileRefusedException($"{fileName}:{_trailerLine}: the trailer announces {_announced} line(s) but the file holds {_dataLines}.");
        }
    }

    private readonly Regex _pattern = pattern;
    private readonly string _example = example;
}
