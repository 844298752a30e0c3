using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SignauxFaibles.Cli.Bench;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model train --dataset polish --input FILE.arff --cv 10 [--seed N]</c>: the real-data
/// validation — k-fold stratified cross-validation and a hold-out split of the nested training
/// procedure; the last two lines are the k-fold mean <c>ROC AUC</c> and <c>PR AUC</c>.
/// <c>sf model train --panel FILE.csv --out DIR [--register [--promote]]</c>: the company models,
/// their report, and the production model refitted on every labelled month, registered on request.
/// </summary>
internal static class ModelTrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string?>("--dataset") { Description = "Named public dataset: polish (UCI Polish companies bankruptcy, ARFF)." };
        var input = new Option<FileInfo?>("--input") { Description = "The dataset file (for polish: 1year.arff)." };
        var folds = new Option<int>("--cv") { Description = "Folds of the stratified cross-validation.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds, the hold-out split and the models.", DefaultValueFactory = _ => 1 };
        var holdOut = new Option<double>("--holdout") { Description = "Share of the rows in the hold-out test split.", DefaultValueFactory = _ => 0.2 };
        var parallel = new Option<int>("--parallel") { Description = "Folds trained at once, one LightGBM thread each (the machine is shared).", DefaultValueFactory = _ => 2 };
        var panel = new Option<FileInfo?>("--panel") { Description = "Labelled company panel CSV (sf panel build --labels): train LightGBM and the logistic baseline, split by time and company." };
        var horizon = new Option<int>("--horizon") { Description = "Months of the outcome horizon (training stops this long before the test period).", DefaultValueFactory = _ => 18 };
        var testMonths = new Option<int>("--test-months") { Description = "Last labelled months used as the test period.", DefaultValueFactory = _ => 12 };
        var verdicts = new Option<FileInfo?>("--verdicts") { Description = "Officers' verdicts on alerts (GET /scoring/api/verdicts?format=csv): shown per model version in the report." };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Folder for the report, plots, metrics.json and model artifacts (panel training)." };
        var register = new Option<bool>("--register") { Description = "Register the production model (production/) in the running platform's registry (panel training; token of client sf-ops)." };
        var promote = new Option<bool>("--promote") { Description = "With --register: make it the active version, unless the promotion gate refuses it." };
        var (gateway, token) = (ModelRegisterCommand.GatewayOption(), Token.ApiToken.Option("the registry (client sf-ops) with --register"));
        var command = new Command("train", "Train and evaluate the risk model.") { dataset, input, folds, seed, holdOut, parallel, panel, horizon, testMonths, verdicts, outDir, register, promote, gateway, token };
        command.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            try
            {
                if (r.GetValue(panel) is { } panelFile)
                {
                    var options = new PanelTrainingOptions { HorizonMonths = r.GetValue(horizon), TestMonths = r.GetValue(testMonths), Seed = r.GetValue(seed) };
                    var directory = (r.GetValue(outDir) ?? new DirectoryInfo("model-report")).FullName;
                    PanelTrainingRun.Run(panelFile.FullName, directory, options, output, error, r.GetValue(verdicts)?.FullName);
                    return r.GetValue(register)
                        ? await ModelRegisterCommand.RegisterAsync(new DirectoryInfo(Path.Combine(directory, "production")), r.GetValue(promote), r.GetValue(gateway)!, r.GetValue(token), output, ct)
                        : 0;
                }
                if (r.GetValue(dataset) is not "polish" || r.GetValue(input) is not { } file)
                {
                    error.WriteLine("sf model train: give --panel FILE.csv, or --dataset polish --input FILE.arff");
                    return 1;
                }
                RunPolish(file.FullName, r.GetValue(folds), r.GetValue(seed), r.GetValue(holdOut), Math.Max(1, r.GetValue(parallel)), output);
                return 0;
            }
            catch (Exception ex) when (ex is TrainingFileException or IOException or ArgumentException or HttpRequestException or System.Text.Json.JsonException)
            {
                error.WriteLine($"sf model train: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void RunPolish(string path, int folds, int seed, double holdOutShare, int parallel, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var table = ArffReader.Read(path);
        var options = NestedTrainingOptions.SmallTabular;
        output.WriteLine(Invariant($"{Path.GetFileName(path)}: {table.Count} companies, {table.Positives} bankrupt, {table.FeatureNames.Count} ratios"));
        output.WriteLine($"machine: {MachineDescription.Describe()}");
        output.WriteLine(Invariant($"procedure: {options.Candidates.Count} candidate settings on {options.InnerFolds} inner folds, {options.CombinedFeatures} top ratios combined, {options.FinalSeeds} averaged seeds"));

        var holdOut = DatasetEvaluation.HoldOut(table, holdOutShare, seed, options);
        output.WriteLine(Invariant($"hold-out ({holdOut.TestRows} rows, {holdOut.TestPositives} bankrupt): ROC AUC {holdOut.RocAuc:F4}, PR AUC {holdOut.PrAuc:F4}, Brier {holdOut.Brier:F4}; logistic baseline ROC AUC {holdOut.LogisticRocAuc:F4}, PR AUC {holdOut.LogisticPrAuc:F4}"));
        output.WriteLine(Invariant($"  red    (F0.5, threshold {holdOut.Red.Threshold:F3} chosen on validation): {holdOut.Red.Flagged} flagged, precision {holdOut.Red.Precision:F3}, recall {holdOut.Red.Recall:F3}"));
        output.WriteLine(Invariant($"  orange (F2,   threshold {holdOut.Orange.Threshold:F3} chosen on validation): {holdOut.Orange.Flagged} flagged, precision {holdOut.Orange.Precision:F3}, recall {holdOut.Orange.Recall:F3}"));
        output.WriteLine($"  chosen: {holdOut.Chosen}");

        var cv = DatasetEvaluation.CrossValidate(table, folds, seed, options, parallel,
            f => output.WriteLine(Invariant($"fold {f.Fold,2}: {f.TestRows} rows, {f.TestPositives} bankrupt, ROC AUC {f.RocAuc:F4}, PR AUC {f.PrAuc:F4} ({f.Detail})")));
        output.WriteLine(Invariant($"{folds}-fold mean in {clock.Elapsed.TotalSeconds:F0} s (seed {seed}); published hold-out ROC AUC: XGBoost 0.956, best ensemble 0.964"));
        output.WriteLine(Invariant($"ROC AUC {cv.MeanRocAuc:F4}"));
        output.WriteLine(Invariant($"PR AUC {cv.MeanPrAuc:F4}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
