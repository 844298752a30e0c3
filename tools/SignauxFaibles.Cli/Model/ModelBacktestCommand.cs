using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using SignauxFaibles.Cli.Bench;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Cli.Model;

/// <summary>
/// <c>sf model backtest --panel FILE.csv --out DIR [--origins 12] [--refit-every 3] [--band 0.1]</c>:
/// the monthly lists a service would have published over the last labelled months, with
/// precision, recall, lead time, calibration, flap rate and 95 % intervals (backtest.md, backtest.json).
/// </summary>
internal static class ModelBacktestCommand
{
    public static Command Create()
    {
        var panel = new Option<FileInfo>("--panel") { Description = "Labelled company panel CSV (sf panel build --labels).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for backtest.md and backtest.json.", Required = true };
        var origins = new Option<int>("--origins") { Description = "List months replayed (the last labelled ones).", DefaultValueFactory = _ => 12 };
        var refit = new Option<int>("--refit-every") { Description = "Months between two refits of the model.", DefaultValueFactory = _ => 3 };
        var band = new Option<double>("--band") { Description = "Hysteresis band of the levels, a share of the threshold.", DefaultValueFactory = _ => StableLevels.DefaultBand };
        var horizon = new Option<int>("--horizon") { Description = "Months of the outcome horizon.", DefaultValueFactory = _ => 18 };
        var samples = new Option<int>("--bootstrap") { Description = "Resamples of companies for the 95 % intervals.", DefaultValueFactory = _ => 200 };
        var command = new Command("backtest", "Replay the monthly lists over the last labelled months and judge them.") { panel, output, origins, refit, band, horizon, samples };
        command.SetAction(r =>
        {
            var (log, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            try
            {
                var clock = Stopwatch.StartNew();
                var file = r.GetValue(panel)!;
                var data = PanelCsvReader.Read(file.FullName);
                var options = new BacktestOptions
                {
                    Origins = r.GetValue(origins), RefitEveryMonths = Math.Max(1, r.GetValue(refit)), HysteresisBand = r.GetValue(band),
                    HorizonMonths = r.GetValue(horizon), BootstrapSamples = r.GetValue(samples),
                };
                var models = MonthlyBacktest.Run(data, options, line => log.WriteLine(line));
                var directory = r.GetValue(output)!;
                directory.Create();
                File.WriteAllText(Path.Combine(directory.FullName, "backtest.md"),
                    BacktestReportWriter.Write(models, options, file.FullName, data.Table.Count, data.OutOfPerimeterRows, MachineDescription.Describe(), clock.Elapsed));
                File.WriteAllText(Path.Combine(directory.FullName, "backtest.json"), JsonSerializer.Serialize(new { panel = file.Name, options, models }, ScoringModel.Json));
                foreach (var m in models)
                    log.WriteLine($"{m.Name}: PR AUC {m.PrAuc.Value:F3} [{m.PrAuc.Low:F3}, {m.PrAuc.High:F3}], red P {m.RedPrecision.Value:F3} R {m.RedRecall.Value:F3}, flap rate {m.FlapRate:P1} ({m.FlapRateWithoutHysteresis:P1} without hysteresis)");
                log.WriteLine($"backtest.md and backtest.json written to {directory.FullName} in {clock.Elapsed.TotalSeconds:F0} s");
                return 0;
            }
            catch (Exception ex) when (ex is TrainingFileException or IOException or ArgumentException)
            {
                error.WriteLine($"sf model backtest: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
