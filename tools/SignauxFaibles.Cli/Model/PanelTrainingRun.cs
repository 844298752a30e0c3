using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SignauxFaibles.Cli.Bench;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model train --panel FILE</c>: both models on the labelled company panel; writes to the
/// output folder the report (report.md + PNG plots), metrics.json, each evaluated model's artifacts
/// (lightgbm/, logistic/: model.json + ML.NET zips) and the model to register (production/: the
/// LightGBM procedure refitted on every labelled month, calibrated on the latest labelled year,
/// with the report, the training file's fingerprint, the code version and the missing rates of the
/// latest labelled year for the promotion gate).
/// </summary>
internal static class PanelTrainingRun
{
    /// <param name="verdictsFile">Officers' verdicts exported by the scoring service, shown per model version in the report; null = none.</param>
    public static void Run(string panelFile, string directory, PanelTrainingOptions options, TextWriter output, TextWriter error, string? verdictsFile = null)
    {
        var clock = Stopwatch.StartNew();
        var panel = PanelCsvReader.Read(panelFile);
        foreach (var reject in panel.Rejects.Take(20))
            error.WriteLine($"{reject.File}:{reject.Line}: column {reject.Column}: {reject.Reason} (value '{reject.RawValue}')");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(panelFile)}: {panel.Table.Count:N0} labelled rows of the detection perimeter ({panel.OutOfPerimeterRows:N0} rows outside it left out), {panel.UnlabelledRows:N0} without a known outcome (dropped), {panel.Rejects.Count:N0} rejected lines, {panel.Table.FeatureNames.Count} features; ignored text columns: {string.Join(", ", panel.IgnoredColumns)}"));

        var verdicts = verdictsFile is null ? [] : VerdictSummary.Of(VerdictFile.Read(verdictsFile), panel);
        var result = PanelEvaluation.Run(panel, options, line => output.WriteLine(line));
        var provenance = new ModelProvenance(Fingerprint(panelFile), CodeVersion());
        Directory.CreateDirectory(directory);
        foreach (var m in result.Models)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Name}: ROC AUC {m.RocAuc:F4}, PR AUC {m.PrAuc:F4} (with proceedings {m.RocAucWithProceedings:F4} / {m.PrAucWithProceedings:F4}); red P {m.Red.Precision:F3} R {m.Red.Recall:F3} ({m.Red.Flagged} flagged); orange P {m.Orange.Precision:F3} R {m.Orange.Recall:F3} ({m.Orange.Flagged} flagged)"));
            ScoringModel.Save(m.Model, result.FeatureNames, Path.Combine(directory, m.Name.StartsWith("LightGBM", StringComparison.Ordinal) ? "lightgbm" : "logistic"), m.Name, Metrics(m),
                ReferenceRows(panel.Table.Rows), (result.TrainFrom, result.TrainTo), provenance);
        }
        ReportPlots.Write(result, directory);
        File.WriteAllText(Path.Combine(directory, "report.md"), PanelReportWriter.Write(result, panelFile, options.HorizonMonths, MachineDescription.Describe(), clock.Elapsed, panel.OutOfPerimeterRows, verdicts));
        File.WriteAllText(Path.Combine(directory, "metrics.json"), JsonSerializer.Serialize(new
        {
            panel = Path.GetFileName(panelFile),
            options.HorizonMonths,
            train = new { from = result.TrainFrom, to = result.TrainTo, rows = result.TrainRows, positives = result.TrainPositives, companies = result.TrainCompanies },
            test = new { from = result.TestFrom, to = result.TestTo, rows = result.TestRows, positives = result.TestPositives, companies = result.TestCompanies, rowsInProceeding = result.TestRowsInProceeding },
            features = result.FeatureNames,
            verdicts,
            models = result.Models.Select(m => new
            {
                name = m.Name, chosen = m.Model.Chosen, metrics = Metrics(m),
                red = new { threshold = m.Red.Threshold, m.Red.Flagged, precision = m.Red.Precision, recall = m.Red.Recall },
                orange = new { threshold = m.Orange.Threshold, m.Orange.Flagged, precision = m.Orange.Precision, recall = m.Orange.Recall },
            }),
        }, ScoringModel.Json));
        WriteProduction(panel, options, result.Models[0], directory, provenance, output);
        output.WriteLine($"report, plots, metrics.json and model artifacts written to {directory} in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// The model to register: the evaluated LightGBM procedure refitted on every labelled month up
    /// to the last one (all companies), calibrated and thresholded on the most recent labelled year,
    /// saved with the evaluation's report, plots and metrics so that the registry keeps them with it.
    /// </summary>
    private static void WriteProduction(PanelData panel, PanelTrainingOptions options, ModelEvaluation evaluated, string directory, ModelProvenance provenance, TextWriter output)
    {
        var times = panel.Table.Times!;
        var lastLabelled = panel.LastTime - options.HorizonMonths;
        var rows = Enumerable.Range(0, panel.Table.Count).Where(i => times[i] <= lastLabelled && !panel.InProceeding[i]).ToArray();
        output.WriteLine($"production: refitting LightGBM on {rows.Length:N0} labelled rows up to {Period(lastLabelled)}, calibrated on the 12 months from {Period(lastLabelled - 11)}");
        var model = new NestedTraining(options.Boosting, options.Seed).Fit(panel.Table.Subset(rows), line => output.WriteLine(line), calibrateFrom: lastLabelled - 11);
        var production = Path.Combine(directory, "production");
        var latestYear = rows.Where(i => InLatestTrainingYear(panel, i, lastLabelled)).Select(i => panel.Table.Rows[i]).ToList();
        ScoringModel.Save(model, panel.Table.FeatureNames, production, "LightGBM (production: all labelled months)", Metrics(evaluated),
            ReferenceRows(rows.Select(i => panel.Table.Rows[i]).ToList()), (Period(rows.Min(i => times[i])), Period(lastLabelled)), provenance, latestYear);
        foreach (var file in new[] { "report.md", "metrics.json", "roc.png", "precision_recall.png", "calibration.png" })
            if (File.Exists(Path.Combine(directory, file))) File.Copy(Path.Combine(directory, file), Path.Combine(production, file), overwrite: true);
    }

    /// <summary>
    /// Row <paramref name="i"/> is one of the production model's latest training year (labelled, not in a
    /// proceeding, in the 12 months up to <paramref name="lastLabelled"/>): the rows its missing rates
    /// and its training profile describe (<see cref="ModelProfileCommand"/> reads the same ones).
    /// </summary>
    internal static bool InLatestTrainingYear(PanelData panel, int i, int lastLabelled)
    {
        var time = panel.Table.Times![i];
        return !panel.InProceeding[i] && time <= lastLabelled && time > lastLabelled - 12;
    }

    internal static string Period(int t) => $"{t / 12:D4}-{t % 12 + 1:D2}";

    /// <summary>SHA-256 of the training file: the registry can tell which data a version learnt from.</summary>
    internal static string Fingerprint(string file)
    {
        using var stream = File.OpenRead(file);
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static string CodeVersion() =>
        typeof(PanelTrainingRun).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

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
