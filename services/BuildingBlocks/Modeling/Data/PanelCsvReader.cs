using System.Globalization;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Modeling.Data;

/// <summary>A panel line left out of training: where, what and why. The other lines are still used.</summary>
public sealed record PanelReject(string File, int Line, string Column, string RawValue, string Reason);

/// <summary>
/// The labelled company panel: rows with an outcome, the months as indices (months since year
/// 0), which rows are companies already in a proceeding, and the panel's last month (labelled
/// or not), from which the last month with a complete horizon follows.
/// </summary>
public sealed record PanelData(FeatureTable Table, IReadOnlyList<bool> InProceeding, IReadOnlyList<string> Periods,
    IReadOnlyList<string> IgnoredColumns, int UnlabelledRows, IReadOnlyList<PanelReject> Rejects, int LastTime, int OutOfPerimeterRows = 0);

/// <summary>
/// Reads the CSV training export of the company panel (<c>sf panel build --labels</c>):
/// <c>siren,periode</c>, text labels (NAF codes, département…), numeric indicators (invariant
/// culture, empty = missing), <c>outcome</c> (1/0, empty while the horizon is not over) and
/// <c>en_procedure</c>. Text columns with a few values (NAF section, région) are one-hot encoded;
/// the others are ignored. The proceeding's own state columns are never features: they would
/// tell the model the answer. Only rows of the detection perimeter are kept (<c>perimetre</c> not
/// 0, <see cref="DetectionPerimeter"/>): the population the service scores is the one the model
/// learns and is judged on, and <c>perimetre</c> is then constant, so not a feature.
/// </summary>
public static class PanelCsvReader
{
    public const string Outcome = "outcome";
    public const string InProceedingColumn = "en_procedure";

    /// <summary>Columns that describe the proceeding itself (label leakage) or identify the row.</summary>
    private static readonly HashSet<string> NotFeatures = new(StringComparer.Ordinal)
        { "siren", "siret", "periode", Outcome, InProceedingColumn, "etat_proc_collective", DetectionPerimeter.PerimeterColumn };

    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal)
        { "code_naf", "naf_section", "naf_division", "naf_groupe", "naf_classe", "categorie_juridique", "departement", "region", "raison_sociale" };

    private static readonly HashSet<string> OneHotColumns = new(StringComparer.Ordinal) { "naf_section", "region" };

    public static PanelData Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static PanelData Read(TextReader reader, string file)
    {
        var header = reader.ReadLine()?.Split(',') ?? throw new TrainingFileException(file, 1, 0, "", "empty file");
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h.Trim(), x => x.i, StringComparer.Ordinal);
        foreach (var required in new[] { "siren", "periode", Outcome })
            if (!index.ContainsKey(required)) throw new TrainingFileException(file, 1, 0, string.Join(',', header), $"no '{required}' column");
        var numeric = header.Select((h, i) => (h, i)).Where(x => !NotFeatures.Contains(x.h) && !TextColumns.Contains(x.h)).ToArray();

        var lines = new List<(int Line, string[] Cells)>();
        var rejects = new List<PanelReject>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != header.Length) rejects.Add(new(file, lineNumber, "", line.Length > 60 ? line[..60] : line, $"{cells.Length} cells for {header.Length} columns"));
            else lines.Add((lineNumber, cells));
        }

        var levels = OneHotColumns.Where(index.ContainsKey)
            .Select(c => (Column: c, Values: lines.Select(l => l.Cells[index[c]]).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()))
            .ToArray();
        var names = numeric.Select(x => x.h).Concat(levels.SelectMany(l => l.Values.Select(v => $"{l.Column}={v}"))).ToArray();

        var (rows, labels, groups, times, periods, inProceeding) = (new List<float[]>(), new List<bool>(), new List<string>(), new List<int>(), new List<string>(), new List<bool>());
        var (unlabelled, lastTime, outOfPerimeter) = (0, int.MinValue, 0);
        var perimeterColumn = index.GetValueOrDefault(DetectionPerimeter.PerimeterColumn, -1);
        foreach (var (line, cells) in lines)
        {
            var reject = Validate(cells, index, file, line, out var time, out var label);
            if (reject is not null) { rejects.Add(reject); continue; }
            lastTime = Math.Max(lastTime, time);
            if (perimeterColumn >= 0 && cells[perimeterColumn] == "0") { outOfPerimeter++; continue; }
            if (label is null) { unlabelled++; continue; }
            var row = new float[names.Length];
            var ok = true;
            for (var c = 0; c < numeric.Length && ok; c++)
            {
                var raw = cells[numeric[c].i];
                if (raw.Length == 0) row[c] = float.NaN;
                else if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) row[c] = (float)v;
                else { rejects.Add(new(file, line, numeric[c].h, raw, "not a number")); ok = false; }
            }
            if (!ok) continue;
            var k = numeric.Length;
            foreach (var (column, values) in levels)
                foreach (var value in values) row[k++] = cells[index[column]] == value ? 1 : 0;
            rows.Add(row);
            labels.Add(label.Value);
            groups.Add(cells[index["siren"]]);
            times.Add(time);
            periods.Add(cells[index["periode"]]);
            inProceeding.Add(index.TryGetValue(InProceedingColumn, out var p) && cells[p] == "1");
        }
        var ignored = header.Where(h => TextColumns.Contains(h) && !OneHotColumns.Contains(h)).ToArray();
        return new PanelData(new FeatureTable(names, rows, labels, groups, times), inProceeding, periods, ignored, unlabelled, rejects, lastTime, outOfPerimeter);
    }

    private static PanelReject? Validate(string[] cells, Dictionary<string, int> index, string file, int line, out int time, out bool? label)
    {
        (time, label) = (0, null);
        var siren = cells[index["siren"]];
        if (siren.Length != 9 || !siren.All(char.IsAsciiDigit)) return new(file, line, "siren", siren, "a SIREN has 9 digits");
        var period = cells[index["periode"]];
        if (!DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return new(file, line, "periode", period, "a month is written yyyy-MM");
        time = month.Year * 12 + month.Month - 1;
        var outcome = cells[index[Outcome]];
        label = outcome switch { "1" => true, "0" => false, _ => null };
        if (label is null && outcome.Length > 0) return new(file, line, Outcome, outcome, "the outcome is 1, 0 or empty");
        if (index.TryGetValue(InProceedingColumn, out var p) && cells[p] is not ("" or "0" or "1"))
            return new(file, line, InProceedingColumn, cells[p], "en_procedure is 1, 0 or empty");
        return null;
    }
}
