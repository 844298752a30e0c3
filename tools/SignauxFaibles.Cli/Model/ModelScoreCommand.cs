using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model score --panel FILE.csv --month yyyy-MM --model DIR|ZIP [--out FILE]</c>: the
/// detection list of one month from a company panel file (<c>sf panel build</c>), with a saved
/// model and the scoring service's own rules — one line per listed company: SIREN, level,
/// probability, most at risk first. Set beside the live list, the two must hold the same companies.
/// </summary>
internal static class ModelScoreCommand
{
    public static Command Create()
    {
        var panel = new Option<FileInfo>("--panel") { Description = "Company panel CSV written by sf panel build (BASE.csv).", Required = true };
        var month = new Option<string>("--month") { Description = "Month to score, yyyy-MM (the live list's month: the panel's last month).", Required = true };
        var model = new Option<string>("--model")
        {
            Description = "The model: 'active' (the registry's active version, fetched through --gateway with an ops token), a folder with model.json "
                + "(sf model train output, e.g. deploy/models/synthetic-lightgbm) or the registry's artifact zip (GET /scoring/api/models/{version}/artifact).",
            Required = true,
        };
        var gateway = new Option<Uri>("--gateway") { Description = "Gateway of the running platform (for --model active).", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5100/") };
        var token = ApiToken.Option("the scoring service (client sf-ops) when --model active");
        var output = new Option<FileInfo?>("--out") { Description = "Write the list there (CSV) instead of the standard output." };
        var previous = new Option<FileInfo?>("--previous") { Description = "The list published the month before (this command's CSV): its companies keep their level within the hysteresis band, as in the service." };
        var band = new Option<double>("--band") { Description = "Hysteresis band, a share of the threshold (the service's Scoring:Levels:HysteresisBand).", DefaultValueFactory = _ => StableLevels.DefaultBand };
        var command = new Command("score", "The detection list of one month of a panel file, with a saved model (offline, as the service would list it).") { panel, month, model, output, previous, band, gateway, token };
        command.SetAction(async (r, ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            if (!YearMonth.TryParse(r.GetValue(month), out var scored))
            {
                error.WriteLine("sf model score: --month is a month written yyyy-MM.");
                return 1;
            }
            try
            {
                var loaded = r.GetValue(model) == "active"
                    ? await ActiveAsync(r.GetValue(gateway)!, r.GetValue(token), error, ct)
                    : Load(r.GetValue(model)!);
                var file = r.GetValue(panel)!;
                using var reader = new StreamReader(file.FullName);
                var earlier = r.GetValue(previous) is { } listFile ? ReadList(listFile.FullName) : null;
                var results = PanelMonthScorer.Score(loaded, PanelMonthReader.Read(reader, file.Name, scored.ToString()), earlier, r.GetValue(band)).ToList();
                using var target = r.GetValue(output) is { } path ? new StreamWriter(path.FullName) : null;
                var writer = target ?? r.InvocationConfiguration.Output;
                Write(results, writer);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sf model score: {scored}: {results.Count:N0} companies, {results.Count(c => c.Score is not null):N0} scored "
                    + $"({results.Count(c => c.NotScoredReason == DetectionPerimeter.OutOfPerimeter):N0} out of the perimeter, {results.Count(c => c.NotScoredReason == DetectionPerimeter.InProceeding):N0} in a proceeding); "
                    + $"{results.Count(c => c.Level == AlertLevel.Red):N0} red, {results.Count(c => c.Level == AlertLevel.Orange):N0} orange with {loaded.Manifest.Name}"));
                if (results.Count == 0) error.WriteLine($"sf model score: {file.Name} has no row for {scored}.");
                return results.Count == 0 ? 2 : 0;
            }
            catch (Exception ex) when (ex is TrainingFileException or IOException or InvalidDataException or System.Text.Json.JsonException or HttpRequestException)
            {
                error.WriteLine($"sf model score: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>The listed companies (red, then orange), most at risk first, ties by SIREN.</summary>
    public static void Write(IEnumerable<ScoredCompany> results, TextWriter writer)
    {
        writer.WriteLine("siren,level,probability");
        foreach (var c in results.Where(c => c.Level != AlertLevel.None).OrderByDescending(c => c.Score!.Probability).ThenBy(c => c.Siren, StringComparer.Ordinal))
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Siren},{(c.Level == AlertLevel.Red ? "red" : "orange")},{c.Score!.Probability:F6}"));
    }

    /// <summary>A list this command wrote: SIREN → level; a line it cannot read is an error naming it.</summary>
    public static Dictionary<string, AlertLevel> ReadList(string path)
    {
        var levels = new Dictionary<string, AlertLevel>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            if (++line == 1 || text.Length == 0) continue;
            var cells = text.Split(',');
            levels[cells[0]] = cells.Length >= 2 ? cells[1] switch
            {
                "red" => AlertLevel.Red,
                "orange" => AlertLevel.Orange,
                var other => throw new InvalidDataException($"{Path.GetFileName(path)}:{line}: column 2: the level is red or orange (value '{other}')"),
            } : throw new InvalidDataException($"{Path.GetFileName(path)}:{line}: a line is siren,level,probability");
        }
        return levels;
    }

    /// <summary>The registry's active version, downloaded through the gateway.</summary>
    internal static async Task<ScoringModel> ActiveAsync(Uri gateway, string? token, TextWriter log, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = gateway }.Authorize(token);
        var versions = await http.GetFromJsonAsync<List<RegisteredVersion>>("scoring/api/models", ct) ?? [];
        var active = versions.FirstOrDefault(v => v.IsActive) ?? throw new InvalidDataException("the registry has no active version");
        var zip = Path.Combine(Directory.CreateTempSubdirectory("sf-model-").FullName, $"model-{active.Version}.zip");
        await File.WriteAllBytesAsync(zip, await http.GetByteArrayAsync($"scoring/api/models/{active.Version}/artifact", ct), ct);
        await log.WriteLineAsync($"sf model score: active version {active.Version} ({active.Name})");
        return Load(zip);
    }

    private sealed record RegisteredVersion(string Version, string Name, bool IsActive);

    /// <summary>A model folder, or the registry's zip of one (unpacked to a temporary folder).</summary>
    public static ScoringModel Load(string path)
    {
        if (Directory.Exists(path)) return ScoringModel.Load(path);
        if (!File.Exists(path)) throw new IOException($"no model folder or artifact zip at '{path}'");
        var folder = Directory.CreateTempSubdirectory("sf-model-").FullName;
        ZipFile.ExtractToDirectory(path, folder);
        if (!File.Exists(Path.Combine(folder, "model.json"))) throw new InvalidDataException($"'{path}' has no model.json at its root");
        return ScoringModel.Load(folder);
    }
}
