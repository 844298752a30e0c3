using System.CommandLine;
using System.Diagnostics;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Urssaf;

namespace SignauxFaibles.Cli.Bench;

/// <summary><c>sf bench parse</c>: parse throughput of the débit parser on a synthetic file, one core.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic débit file.", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs (after one warm-up).", DefaultValueFactory = _ => 3 };
        var parse = new Command("parse", "Parse throughput of the URSSAF débit parser (rows/s, MB/s), single thread.") { rows, runs };
        parse.SetAction((result, ct) => ParseAsync(result.GetValue(rows), result.GetValue(runs), result.InvocationConfiguration.Output, ct));
        var bench = new Command("bench", "Benchmarks printing their figures and the machine they ran on.") { parse };
        bench.Subcommands.Add(IngestBench.Create());
        bench.Subcommands.Add(SireneBench.Create());
        bench.Subcommands.Add(Synth.SynthBench.Create());
        bench.Subcommands.Add(FeaturesBench.Create());
        bench.Subcommands.Add(NotifyBench.Create());
        bench.Subcommands.Add(ScoringBench.Create());
        return bench;
    }

    private static async Task<int> ParseAsync(int rows, int runs, TextWriter output, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sf-bench-debit-{rows}.csv");
        if (!File.Exists(path)) await SyntheticDebitFile.WriteAsync(path, rows);
        var megabytes = new FileInfo(path).Length / 1_000_000.0;
        await output.WriteLineAsync($"machine: {MachineDescription.Describe()}");
        await output.WriteLineAsync($"file: {rows:N0} débit rows, {megabytes:F1} MB (synthetic, current layout)");

        for (var run = 0; run <= runs; run++)
        {
            // Each run starts from a collected heap, so one run does not pay for the previous one's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            // CPU time as well as wall time: "per core" is rows per CPU-second, which other work
            // on a shared machine does not distort the way it distorts wall time.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long records = 0, rejects = 0;
            await using (var stream = File.OpenRead(path))
            {
                var (reader, _) = await DeliveredContent.OpenTextAsync(stream, ct);
                using (reader)
                {
                    await foreach (var line in UrssafFileKinds.Debit.Parser.ParseAsync(reader, path, ct))
                    {
                        if (line.Record is not null) records++;
                        else rejects++;
                    }
                }
            }
            clock.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var seconds = clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync($"{(run == 0 ? "warm-up" : $"run {run}")}: {records:N0} records, {rejects:N0} rejects in {seconds:F2} s "
                + $"= {(records + rejects) / seconds:N0} rows/s, {megabytes / seconds:F1} MB/s; {cpuSeconds:F2} CPU-s "
                + $"= {(records + rejects) / cpuSeconds:N0} rows per CPU-second");
        }
        return 0;
    }
}
