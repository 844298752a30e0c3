using System.Text.Json;
using System.Text.Json.Serialization;

namespace SignauxFaibles.Synthesis.GroundTruth;

/// <summary>manifest.json: how the dataset was made (seed, every parameter) and what it holds (rows per file). No timings: the same seed must give the same bytes.</summary>
public sealed record Manifest(
    string Generator, ulong Seed, ManifestParameters Parameters, long Companies, long Establishments, long Failures,
    IReadOnlyList<ManifestFile> Files)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    public static Manifest Load(string path) => JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json)!;

    /// <summary>
    /// The delivery day of each file of a folder, by its path relative to the folder ('/'-separated),
    /// when the folder's manifest.json records them; null otherwise.
    /// </summary>
    public static Dictionary<string, DateOnly>? DeliveryDates(string folder)
    {
        var path = System.IO.Path.Combine(folder, "manifest.json");
        if (!File.Exists(path)) return null;
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var file in Load(path).Files)
            if (DateOnly.TryParseExact(file.DeliveredOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                dates[file.Path] = day;
        return dates.Count == 0 ? null : dates;
    }
}

public sealed record ManifestParameters(
    int Companies, string From, string To, string? Region, double YearlyFailureRate, double SuddenFailureShare,
    double RecoveryEpisodeRate, double VoluntaryClosureRate, double CreatedDuringWindowShare, double HealthNoise);

/// <param name="Path">Relative to the output folder, '/'-separated.</param>
/// <param name="Rows">Data rows (header and trailer excluded).</param>
/// <param name="DeliveredOn">The day the file would have been delivered, yyyy-MM-dd (<see cref="DeliverySchedule"/>).</param>
public sealed record ManifestFile(string Path, long Rows, string? DeliveredOn = null);
