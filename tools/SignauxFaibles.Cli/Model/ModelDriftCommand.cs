using System.CommandLine;
using System.Globalization;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Monitoring;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model drift --panel FILE.csv --month yyyy-MM --model DIR|ZIP|active</c>: each feature's
/// missing rate and stability index against the model's training profile, over one month of a
/// company panel file (the companies of the detection perimeter): the offline measure of what the
/// scoring service's model monitor shows live (<c>sf_model_feature_*</c>), with the same code.
/// </summary>
internal static class ModelDriftCommand
{
    public static Command Create()
    {
        var panel = new Option<FileInfo>("--panel") { Description = "Company panel CSV written by sf panel build.", Required = true };
        var month = new Option<string>("--month") { Description = "Month to measure, yyyy-MM (the live companies' latest month).", Required = true };
        var model = new Option<string>("--model") { Description = "'active' (the registry's active version, through --gateway), a model folder or the registry's artifact zip.", Required = true };
        var gateway = new Option<Uri>("--gateway") { Description = "Gateway of the running platform (for --model active).", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5100/") };
        var token = ApiToken.Option("the scoring service (client sf-ops) when --model active");
        var command = new Command("drift", "Each feature of a panel month against the model's training profile (missing rate, stability index), as the live monitor measures it.")
            { panel, month, model, gateway, token };
        command.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            if (!YearMonth.TryParse(r.GetValue(month), out var measured))
            {
                await error.WriteLineAsync("sf model drift: --month is a month written yyyy-MM.");
                return 1;
            }
            try
            {
                var loaded = r.GetValue(model) == "active"
                    ? await ModelScoreCommand.ActiveAsync(r.GetValue(gateway)!, r.GetValue(token), error, ct)
                    : ModelScoreCommand.Load(r.GetValue(model)!);
                var manifest = loaded.Manifest;
                var file = r.GetValue(panel)!;
                using var reader = new StreamReader(file.FullName);
                var rows = PanelMonthReader.Read(reader, file.Name, measured.ToString())
                    .Where(m => DetectionPerimeter.Exclusion(m.Value) is null)
                    .Select(m => ModelInputRow.Build(manifest.Features, m.Value, m.Label)).ToList();
                if (rows.Count == 0)
                {
                    await error.WriteLineAsync($"sf model drift: {file.Name} has no company of the perimeter in {measured}.");
                    return 2;
                }
                var drifts = FeatureDrift.Measure(manifest.Features, rows, manifest.Profile, manifest.MissingRates);
                await output.WriteLineAsync("feature,stability_index,missing_live,missing_training");
                foreach (var d in drifts.OrderByDescending(d => d.StabilityIndex ?? -1).ThenBy(d => d.Feature, StringComparer.Ordinal))
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{d.Feature},{d.StabilityIndex:0.######},{d.LiveMissing:0.######},{d.TrainingMissing:0.####}"));
                var shifted = drifts.Count(d => d.StabilityIndex > 0.25);
                var missing = drifts.Count(d => Math.Abs(d.LiveMissing - d.TrainingMissing) > 0.2);
                var note = manifest.Profile is null ? " (the model has no training profile: missing rates only; sf model profile adds one)" : "";
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"sf model drift: {measured}: {rows.Count:N0} companies of the perimeter; {shifted} features shifted (index above 0.25), {missing} with a missing rate more than 20 points from training{note}"));
                return 0;
            }
            catch (Exception ex) when (ex is TrainingFileException or IOException or InvalidDataException or System.Text.Json.JsonException or HttpRequestException)
            {
                await error.WriteLineAsync($"sf model drift: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
