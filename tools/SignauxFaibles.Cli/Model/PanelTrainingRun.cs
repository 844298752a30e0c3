using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SignauxFaibles.Cli.Bench;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model train --panel FILE</c>: both models on the labelled company panel; writes to the
/// output folder the report (report.md + PNG plots), metrics.json and each model's artifacts
/// (lightgbm/, logistic/: model.json + ML.NET zips) ready for the scoring service's registry.
/// </summary>
internal static class PanelTrainingRun
{
    public static void Run(string panelFile, string directory, PanelTrainingOptions options, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var panel = PanelCsvReader.Read(panelFile);
        foreach (var reject in panel.Rejects.Take(20))
            error.WriteLine($"{reject.File}:{reject.Line}: column {reject.Column}: {reject.Reason} (value '{reject.RawValue}')");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(panelFile)}: {panel.Table.Count:N0} labelled rows of the detection perimeter ({panel.OutOfPerimeterRows:N0} rows outside it left out), {panel.UnlabelledRows:N0} without a known outcome (dropped), {panel.Rejects.Count:N0} rejected lines, {panel.Table.FeatureNames.Count} features; ignored text columns: {string.Join(", ", panel.IgnoredColumns)}"));

        var result = PanelEvaluation.Run(panel, options, line => output.WriteLine(line));
        Directory.CreateDirectory(directory);
        foreach (var m in result.Models)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Name}: ROC AUC {m.RocAuc:F4}, PR AUC {m.PrAuc:F4} (with proceedings {m.RocAucWithProceedings:F4} / {m.PrAucWithProceedings:F4}); red P {m.Red.Precision:F3} R {m.Red.Recall:F3} ({m.Red.Flagged} flagged); orange P {m.Orange.Precision:F3} R {m.Orange.Recall:F3} ({m.Orange.Flagged} flagged)"));
            ScoringModel.Save(m.Model, result.FeatureNames, Path.Combine(directory, m.Name.StartsWith("LightGBM", StringComparison.Ordinal) ? "lightgbm" : "logistic"), m.Name, Metrics(m),
                ReferenceRows(panel.Table.Rows), (result.TrainFrom, result.TrainTo));
        }
        ReportPlots.Write(result, directory);
        File.WriteAllText(Path.Combine(directory, "report.md"), PanelReportWriter.Write(result, panelFile, options.HorizonMonths, MachineDescription.Describe(), clock.Elapsed, panel.OutOfPerimeterRows));
        File.WriteAllText(Path.Combine(directory, "metrics.json"), JsonSerializer.Serialize(new
        {
            panel = Path.GetFileName(panelFile),
            options.HorizonMonths,
            train = new { from = result.TrainFrom, to = result.TrainTo, rows = result.TrainRows, positives = result.TrainPositives, companies = result.TrainCompanies },
            test = new { from = result.TestFrom, to = result.TestTo, rows = result.TestRows, positives = result.TestPositives, companies = result.TestCompanies, rowsInProceeding = result.TestRowsInProceeding },
            features = result.FeatureNames,
            models = result.Models.Select(m => new
            {
                name = m.Name, chosen = m.Model.Chosen, metrics = Metrics(m),
                red = new { threshold = m.Red.Threshold, m.Red.Flagged, precision = m.Red.Precision, recall = m.Red.Recall },
                orange = new { threshold = m.Orange.Threshold, m.Orange.Flagged, precision = m.Orange.Precision, recall = m.Orange.Recall },
            }),
        }, ScoringModel.Json));
        output.WriteLine($"report, plots, metrics.json and model artifacts written to {directory} in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Every n-th labelled row, at most 20,000: enough to weigh the trees' nodes for the explanations.</summary>
    private static List<float[]> ReferenceRows(IReadOnlyList<float[]> rows)
    {
        var step = Math.Max(1, rows.Count / 20_000);
        return rows.Where((_, i) => i % step == 0).ToList();
    }

    private static Dictionary<string, double> Metrics(ModelEvaluation m) => new()
    {
        ["rocAuc"] = m.RocAuc, ["prAuc"] = m.PrAuc, ["rocAucWithProceedings"] = m.RocAucWithProceedings,
        ["prAucWithProceedings"] = m.PrAucWithProceedings, ["brier"] = m.Brier, ["innerRocAuc"] = m.Model.InnerRocAuc,
    };
}
