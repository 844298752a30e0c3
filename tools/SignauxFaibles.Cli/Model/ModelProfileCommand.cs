using System.CommandLine;
using System.Globalization;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model profile --model DIR --panel FILE</c>: adds the training profile the scoring
/// service watches drift against (each feature's and the score's deciles over the latest
/// training year) to a model saved before profiles, without training it again. The panel must be
/// the file the model was trained on (its SHA-256 is in model.json), or the profile would
/// describe other data.
/// </summary>
internal static class ModelProfileCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "The model folder (model.json + ML.NET zips).", Required = true };
        var panel = new Option<FileInfo>("--panel") { Description = "The company panel CSV the model was trained on (sf panel build --labels).", Required = true };
        var command = new Command("profile", "Add the training profile (feature and score deciles) drift is measured against to a saved model.") { model, panel };
        command.SetAction(r =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var (folder, file) = (r.GetValue(model)!.FullName, r.GetValue(panel)!.FullName);
            try
            {
                var manifest = ScoringModel.Load(folder).Manifest;
                var fingerprint = PanelTrainingRun.Fingerprint(file);
                if (manifest.TrainingFingerprint is { } trained && trained != fingerprint)
                {
                    error.WriteLine($"sf model profile: {Path.GetFileName(file)} is not the file {manifest.Name} was trained on ({fingerprint}, model.json says {trained}).");
                    return 2;
                }
                if (manifest.TrainTo is null || !YearMonthIndex(manifest.TrainTo, out var lastTrained))
                {
                    error.WriteLine("sf model profile: model.json names no training window (trainTo): the latest training year is unknown.");
                    return 2;
                }
                var data = PanelCsvReader.Read(file);
                var rows = LatestTrainingYear(data, manifest.Features, lastTrained);
                if (rows.Count == 0)
                {
                    error.WriteLine($"sf model profile: {Path.GetFileName(file)} has no labelled row in the 12 months up to {manifest.TrainTo}.");
                    return 2;
                }
                var profiled = ScoringModel.WriteProfile(folder, rows);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{folder}/model.json: profile of {profiled.Profile!.Rows:N0} rows ({PanelTrainingRun.Period(lastTrained - 11)} to {manifest.TrainTo}), {profiled.Profile.Features.Count} features"));
                return 0;
            }
            catch (Exception ex) when (ex is TrainingFileException or IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                error.WriteLine($"sf model profile: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// The rows the production model's missing rates came from (<see cref="PanelTrainingRun"/>):
    /// labelled, not in a proceeding, in the 12 months up to the last trained one; in the
    /// manifest's feature order (a one-hot label the file lacks is 0, a column it lacks missing).
    /// </summary>
    private static List<float[]> LatestTrainingYear(PanelData data, IReadOnlyList<string> features, int lastTrained)
    {
        var table = data.Table;
        var columns = features.Select(f => table.FeatureNames.ToList().IndexOf(f)).ToArray();
        var rows = new List<float[]>();
        for (var i = 0; i < table.Count; i++)
        {
            if (!PanelTrainingRun.InLatestTrainingYear(data, i, lastTrained)) continue;
            rows.Add(columns.Select((c, f) => c >= 0 ? table.Rows[i][c] : features[f].Contains('=', StringComparison.Ordinal) ? 0f : float.NaN).ToArray());
        }
        return rows;
    }

    private static bool YearMonthIndex(string text, out int index)
    {
        index = 0;
        if (!Contracts.Identifiers.YearMonth.TryParse(text, out var month)) return false;
        index = month.Year * 12 + month.Month - 1;
        return true;
    }
}
