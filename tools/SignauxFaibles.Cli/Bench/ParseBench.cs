using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// <c>sf bench parse</c>: parse throughput of the débit parser on a synthetic file, one core, for
/// both readings on the same file in the same run: Sep (production) and the line-by-line reading
/// it replaced (ReadLine and the hand-written splitter), the same field parsing behind both.
/// </summary>
internal static class ParseBench
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic débit file.", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs of each reading (after one warm-up each).", DefaultValueFactory = _ => 3 };
        var parse = new Command("parse", "Parse throughput of the URSSAF débit parser (rows/s, MB/s), single thread: Sep beside the line-by-line reading.") { rows, runs };
        parse.SetAction((result, ct) => RunAsync(result.GetValue(rows), result.GetValue(runs), result.InvocationConfiguration.Output, ct));
        return parse;
    }

    private sealed record Reading(string Name, Func<TextReader, string, CancellationToken, IAsyncEnumerable<ParsedLine>> Parse);

    private sealed record Figures(double RowsPerSecond, double RowsPerCpuSecond);

    private static async Task<int> RunAsync(int rows, int runs, TextWriter output, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sf-bench-debit-{rows}.csv");
        if (!File.Exists(path)) await SyntheticDebitFile.WriteAsync(path, rows);
        var megabytes = new FileInfo(path).Length / 1_000_000.0;
        await output.WriteLineAsync($"machine: {MachineDescription.Describe()}");
        await output.WriteLineAsync($"file: {rows:N0} débit rows, {megabytes:F1} MB (synthetic, current layout)");

        var parser = UrssafFileKinds.Debit.Parser;
        Reading[] readings =
        [
            new("Sep", parser.ParseAsync),
            new("line by line", ((ILineByLineParser)parser).ParseLineByLineAsync),
        ];
        var figures = readings.ToDictionary(r => r.Name, _ => new List<Figures>());
        for (var run = 0; run <= runs; run++)
        {
            // Alternate which reading goes first, so neither always follows the other's garbage or a quiet spell.
            foreach (var reading in run % 2 == 0 ? readings : [readings[1], readings[0]])
            {
                var measured = await MeasureAsync(reading, path, megabytes, run == 0 ? "warm-up" : $"run {run}", output, ct);
                if (run > 0) figures[reading.Name].Add(measured);
            }
        }
        if (runs == 0) return 0;

        await output.WriteLineAsync($"summary, {runs} run(s) of each (median, range):");
        foreach (var reading in readings)
        {
            var f = figures[reading.Name];
            await output.WriteLineAsync($"  {reading.Name}: {Summary(f.Select(x => x.RowsPerSecond))} rows/s; {Summary(f.Select(x => x.RowsPerCpuSecond))} rows per CPU-second");
        }
        var (sep, lines) = (figures[readings[0].Name], figures[readings[1].Name]);
        await output.WriteLineAsync($"  Sep / line by line, run by run: {Summary(sep.Zip(lines, (s, l) => s.RowsPerSecond / l.RowsPerSecond), "F2")}× rows/s; "
            + $"{Summary(sep.Zip(lines, (s, l) => s.RowsPerCpuSecond / l.RowsPerCpuSecond), "F2")}× rows per CPU-second");
        return 0;
    }

    private static async Task<Figures> MeasureAsync(Reading reading, string path, double megabytes, string label, TextWriter output, CancellationToken ct)
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
                await foreach (var line in reading.Parse(reader, path, ct))
                {
                    if (line.Record is not null) records++;
                    else rejects++;
                }
            }
        }
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = records + rejects;
        await output.WriteLineAsync($"{label}, {reading.Name}: {records:N0} records, {rejects:N0} rejects in {seconds:F2} s "
            + $"= {rows / seconds:N0} rows/s, {megabytes / seconds:F1} MB/s; {cpuSeconds:F2} CPU-s = {rows / cpuSeconds:N0} rows per CPU-second");
        return new Figures(rows / seconds, rows / cpuSeconds);
    }

    private static string Summary(IEnumerable<double> values, string format = "N0")
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        string Text(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        return $"{Text(median)} ({Text(sorted[0])}–{Text(sorted[^1])})";
    }
}
