using System.Globalization;

namespace SignauxFaibles.Modeling.Data;

/// <summary>An officer's verdict on an alert, as the scoring service exports them: company, month and model version judged, useful or not.</summary>
public sealed record OfficerVerdict(string Siren, string? Month, string? ModelVersion, bool Useful);

/// <summary>Reads the verdict export (<c>GET /scoring/api/verdicts?format=csv</c>); a line it cannot read is an error naming the line and column.</summary>
public static class VerdictFile
{
    public static IReadOnlyList<OfficerVerdict> Read(string path)
    {
        var file = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',') ?? throw new TrainingFileException(file, 1, 0, "", "empty file");
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        foreach (var required in new[] { "siren", "periode", "model_version", "useful" })
            if (!index.ContainsKey(required)) throw new TrainingFileException(file, 1, 0, string.Join(',', header), $"no '{required}' column");
        var verdicts = new List<OfficerVerdict>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var cells = text.Split(',');
            if (cells.Length != header.Length) throw new TrainingFileException(file, line, 0, text, $"{cells.Length} cells for {header.Length} columns");
            var useful = cells[index["useful"]] switch
            {
                "1" => true,
                "0" => false,
                var other => throw new TrainingFileException(file, line, index["useful"] + 1, other, "useful is 1 or 0"),
            };
            var month = cells[index["periode"]];
            if (month.Length > 0 && !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw new TrainingFileException(file, line, index["periode"] + 1, month, "a month is written yyyy-MM");
            verdicts.Add(new OfficerVerdict(cells[index["siren"]], month.Length == 0 ? null : month, cells[index["model_version"]] is { Length: > 0 } v ? v : null, useful));
        }
        return verdicts;
    }
}
