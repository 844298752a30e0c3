using System.Globalization;

namespace SignauxFaibles.Modeling.Data;

/// <summary>A line of a training file that cannot be read: where, what and why.</summary>
public sealed class TrainingFileException(string file, int line, int column, string rawValue, string reason)
    : FormatException($"{file}:{line}: column {column}: {reason} (value '{rawValue}')")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string RawValue { get; } = rawValue;
    public string Reason { get; } = reason;
}

/// <summary>
/// Reads a numeric Weka ARFF file (the UCI Polish bankruptcy files): numeric attributes become
/// features, <c>?</c> becomes NaN, and the last attribute, nominal <c>{0,1}</c>, is the label.
/// A training set with a silently misread line would give misleading figures, so any malformed
/// line stops the read with its line, column and reason.
/// </summary>
public static class ArffReader
{
    public static FeatureTable Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static FeatureTable Read(TextReader reader, string fileName)
    {
        var attributes = new List<(string Name, bool Numeric)>();
        var rows = new List<float[]>();
        var labels = new List<bool>();
        var inData = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('%')) continue;
            if (!inData)
            {
                if (line.StartsWith("@attribute", StringComparison.OrdinalIgnoreCase)) attributes.Add(ParseAttribute(line, fileName, lineNumber));
                else if (line.StartsWith("@data", StringComparison.OrdinalIgnoreCase)) inData = CheckHeader(attributes, fileName, lineNumber);
                continue;
            }
            var (features, label) = ParseDataLine(line, attributes.Count, fileName, lineNumber);
            rows.Add(features);
            labels.Add(label);
        }
        if (!inData) throw new TrainingFileException(fileName, lineNumber, 0, "", "no @data section");
        return new FeatureTable(attributes.Take(attributes.Count - 1).Select(a => a.Name).ToArray(), rows, labels);
    }

    private static (string, bool) ParseAttribute(string line, string file, int lineNumber)
    {
        var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) throw new TrainingFileException(file, lineNumber, 0, line, "an @attribute line needs a name and a type");
        var type = parts[2].Trim();
        var numeric = type.Equals("numeric", StringComparison.OrdinalIgnoreCase) || type.Equals("real", StringComparison.OrdinalIgnoreCase)
            || type.Equals("integer", StringComparison.OrdinalIgnoreCase);
        return (parts[1].Trim('\'', '"'), numeric);
    }

    private static bool CheckHeader(List<(string Name, bool Numeric)> attributes, string file, int lineNumber)
    {
        if (attributes.Count < 2) throw new TrainingFileException(file, lineNumber, 0, "", "at least one feature and the class attribute are needed before @data");
        if (attributes[^1].Numeric) throw new TrainingFileException(file, lineNumber, attributes.Count, attributes[^1].Name, "the last attribute must be the nominal class {0,1}");
        var other = attributes.Take(attributes.Count - 1).Select((a, i) => (a, i)).FirstOrDefault(x => !x.a.Numeric);
        if (other.a.Name is not null) throw new TrainingFileException(file, lineNumber, other.i + 1, other.a.Name, "only numeric features are supported");
        return true;
    }

    private static (float[] Features, bool Label) ParseDataLine(string line, int attributeCount, string file, int lineNumber)
    {
        var cells = line.Split(',');
        if (cells.Length != attributeCount)
            throw new TrainingFileException(file, lineNumber, Math.Min(cells.Length, attributeCount) + 1, line.Length > 60 ? line[..60] + "…" : line,
                $"{cells.Length} values where the header declares {attributeCount} attributes");
        var features = new float[attributeCount - 1];
        for (var c = 0; c < features.Length; c++)
        {
            var cell = cells[c].Trim();
            if (cell == "?") features[c] = float.NaN;
            else if (float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)) features[c] = value;
            else throw new TrainingFileException(file, lineNumber, c + 1, cell, "not a finite number nor '?'");
        }
        var label = cells[^1].Trim().Trim('\'', '"');
        return label switch
        {
            "1" => (features, true),
            "0" => (features, false),
            _ => throw new TrainingFileException(file, lineNumber, attributeCount, label, "the class must be 0 or 1"),
        };
    }
}
