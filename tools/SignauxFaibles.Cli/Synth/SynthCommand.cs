using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SignauxFaibles.Synthesis;

namespace SignauxFaibles.Cli.Synth;

/// <summary>
/// <c>sf synth --companies N --from 2016-01 --to 2025-12 --seed S --out DIR [--region CODE]</c>:
/// writes the synthetic national dataset (every source's files, ground_truth.csv, manifest.json).
/// Progress goes to stderr, the summary to stdout.
/// </summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var companies = new Option<int>("--companies") { Description = "Companies in the panel (created during the window included).", DefaultValueFactory = _ => 10_000 };
        var from = new Option<string>("--from") { Description = "First month, yyyy-MM.", DefaultValueFactory = _ => "2016-01" };
        var to = new Option<string>("--to") { Description = "Last month, yyyy-MM.", DefaultValueFactory = _ => "2025-12" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed and options give byte-identical files.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (created; files in it are overwritten). Required unless --calibration-check." };
        var calibration = new Option<bool>("--calibration-check") { Description = "Write nothing: fit a logistic regression on the simulated panel's main indicators and print its ROC AUC (target 0.80–0.88)." };
        var region = new Option<string?>("--region") { Description = "INSEE région code: companies of that région only (e.g. 32 Hauts-de-France)." };
        var rate = new Option<double>("--failure-rate") { Description = "Yearly rate of collective proceedings in a year like 2019.", DefaultValueFactory = _ => new SynthesisOptions().YearlyFailureRate };
        var command = new Command("synth", "Write a synthetic national dataset in the institutions' formats, with its ground truth.")
        {
            companies, from, to, seed, output, region, rate, calibration,
        };
        command.SetAction(r =>
        {
            try
            {
                var options = new SynthesisOptions
                {
                    Companies = r.GetValue(companies), From = Month.Parse(r.GetValue(from)!), To = Month.Parse(r.GetValue(to)!),
                    Seed = r.GetValue(seed), Region = r.GetValue(region), YearlyFailureRate = r.GetValue(rate),
                };
                options.Validate();
                if (r.GetValue(calibration)) return Calibrate(options, r.InvocationConfiguration.Output);
                if (r.GetValue(output) is not { } directory) throw new ArgumentException("--out is required (or --calibration-check).");
                return Run(options, directory.FullName, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                r.InvocationConfiguration.Error.WriteLine($"sf synth: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Calibrate(SynthesisOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var result = SignauxFaibles.Synthesis.Calibration.CalibrationCheck.Run(options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sf synth --calibration-check: logistic regression, 18-month horizon, split by SIREN: ROC AUC {result.RocAuc:F3}, PR AUC {result.PrAuc:F3} "
            + $"(train {result.TrainRows:N0} rows, test {result.TestRows:N0} rows, {result.PositiveShare:P1} positive) in {clock.Elapsed.TotalSeconds:F0} s"));
        output.WriteLine(result.RocAuc is >= 0.80 and <= 0.88 ? "within the target range 0.80–0.88" : "OUTSIDE the target range 0.80–0.88");
        return 0;
    }

    public static int Run(SynthesisOptions options, string directory, TextWriter output, TextWriter error, bool detailTimings = false)
    {
        var timings = detailTimings ? new StageTimings() : null;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var manifest = SyntheticDataset.Generate(options, directory, done =>
        {
            // A line every two seconds rather than a redrawn bar: stderr is often a log file.
            if (clock.Elapsed - lastReport < TimeSpan.FromSeconds(2) && done != options.Companies) return;
            lastReport = clock.Elapsed;
            var share = (double)done / options.Companies;
            var eta = share > 0 ? TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds * (1 - share) / share) : TimeSpan.Zero;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sf synth: {done:N0}/{options.Companies:N0} companies ({share:P0}), {clock.Elapsed.TotalSeconds:F0} s, about {eta.TotalSeconds:F0} s left"));
        }, timings: timings);
        clock.Stop();
        var rows = manifest.Files.Sum(f => f.Rows);
        var bytes = manifest.Files.Sum(f => new FileInfo(Path.Combine(directory, f.Path)).Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sf synth: {manifest.Companies:N0} companies, {manifest.Establishments:N0} establishments, {manifest.Failures:N0} proceedings; {manifest.Files.Count} files, {rows:N0} rows, {bytes / 1e6:F0} MB in {directory}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sf synth: {clock.Elapsed.TotalSeconds:F1} s, peak memory (VmHWM) {PeakMemory.Describe()}"));
        if (timings is not null)
            output.WriteLine("sf synth: time by stage: " + string.Join(", ", timings.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Time.TotalSeconds:F1} s"))));
        return 0;
    }
}
