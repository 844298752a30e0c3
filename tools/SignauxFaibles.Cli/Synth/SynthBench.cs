using System.CommandLine;
using SignauxFaibles.Cli.Bench;
using SignauxFaibles.Synthesis;

namespace SignauxFaibles.Cli.Synth;

/// <summary>
/// <c>sf bench synth --companies N</c>: generates a national dataset over ten years (2016–2025)
/// into a temporary folder, prints the time and the process's peak memory, then deletes it.
/// Run one size per process: the peak memory is the process's.
/// </summary>
internal static class SynthBench
{
    public static Command Create()
    {
        var companies = new Option<int>("--companies") { Description = "Companies to generate.", DefaultValueFactory = _ => 10_000 };
        var keep = new Option<DirectoryInfo?>("--out") { Description = "Keep the dataset in this folder instead of a deleted temporary one." };
        var command = new Command("synth", "Time and peak memory of sf synth over ten years (2016-01 to 2025-12).") { companies, keep };
        command.SetAction(r =>
        {
            var output = r.InvocationConfiguration.Output;
            var kept = r.GetValue(keep);
            var directory = kept?.FullName ?? Path.Combine(Path.GetTempPath(), $"sf-bench-synth-{Guid.NewGuid():N}");
            output.WriteLine($"machine: {MachineDescription.Describe()}");
            try
            {
                var options = new SynthesisOptions { Companies = r.GetValue(companies), From = Month.Of(2016, 1), To = Month.Of(2025, 12), Seed = 1 };
                return SynthCommand.Run(options, directory, output, r.InvocationConfiguration.Error, detailTimings: true);
            }
            finally
            {
                if (kept is null && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }
}
