using System.CommandLine;

namespace SignauxFaibles.Cli.Bench;

/// <summary><c>sf bench</c>: the benchmarks, each printing its figures and the machine it ran on.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks printing their figures and the machine they ran on.") { ParseBench.Create() };
        bench.Subcommands.Add(IngestBench.Create());
        bench.Subcommands.Add(SireneBench.Create());
        bench.Subcommands.Add(Synth.SynthBench.Create());
        bench.Subcommands.Add(FeaturesBench.Create());
        bench.Subcommands.Add(NotifyBench.Create());
        bench.Subcommands.Add(ScoringBench.Create());
        return bench;
    }
}
