using System.CommandLine;
using System.CommandLine.Invocation;

namespace SignauxFaibles.Cli.Panel;

/// <summary>
/// <c>sf panel compare A.csv B.csv [--max-differences N]</c>: two panel CSVs (e.g. <c>sf panel dump</c>
/// of the live service and <c>sf panel build</c> of the same files) compared cell by cell. Exit codes:
/// 0 identical, 1 different, 2 usage or read error — a script tells "different" from "could not compare".
/// </summary>
internal static class PanelCompareCommand
{
    public const int Identical = 0;
    public const int Different = 1;
    public const int UsageError = 2;

    public static Command Create()
    {
        // Optional for the parser so that a missing file is this command's usage error (exit 2), not the parser's (exit 1).
        var a = new Argument<FileInfo?>("A") { Description = "First panel CSV (BASE.csv or BASE_etablissements.csv).", Arity = ArgumentArity.ZeroOrOne };
        var b = new Argument<FileInfo?>("B") { Description = "Second panel CSV, of the same kind.", Arity = ArgumentArity.ZeroOrOne };
        var max = new Option<int>("--max-differences") { Description = "Print at most this many rows only in A, rows only in B and differing cells (each); the totals count them all.", DefaultValueFactory = _ => 20 };
        var compare = new Command("compare", "Compare two panel CSVs cell by cell, rows matched by siren[,siret],periode in any order (exit 0 identical, 1 different, 2 usage or read error).")
        {
            a, b, max,
        };
        compare.Action = new UsageErrorsExit2(async (r, ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            if (r.GetValue(a) is not { } first || r.GetValue(b) is not { } second || r.GetValue(max) < 0)
            {
                await error.WriteLineAsync("sf panel compare: give two panel CSV files A and B (and --max-differences 0 or more).");
                return UsageError;
            }
            var output = r.InvocationConfiguration.Output;
            try
            {
                using var readerA = first.OpenText();
                using var readerB = second.OpenText();
                var result = PanelCsvComparer.Compare(readerA, readerB, output, r.GetValue(max));
                await output.WriteLineAsync(
                    $"A {first.Name}: {result.RowsA} rows; B {second.Name}: {result.RowsB} rows; {result.RowsCompared} rows compared, {result.OnlyInA} only in A, {result.OnlyInB} only in B; "
                    + $"{result.CellsCompared} cells compared, {result.CellsDiffering} differing; {result.HeaderDifferences} header differences → "
                    + (result.Differences == 0 ? "identical" : $"{result.Differences} differences"));
                return result.Differences == 0 ? Identical : Different;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // Unreadable file, not a panel CSV, files of different kinds.
                await error.WriteLineAsync($"sf panel compare: {ex.Message}");
                return UsageError;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever stopped the comparison, exit 1 must keep meaning "compared, and different".
                await error.WriteLineAsync($"sf panel compare: {ex}");
                return UsageError;
            }
        });
        return compare;
    }

    /// <summary>
    /// Runs the command even when parsing failed (an unknown option, a --max-differences that is not a
    /// number) and then reports the errors with exit code 2, where the parser's own error action exits 1,
    /// which this command means as "different".
    /// </summary>
    private sealed class UsageErrorsExit2(Func<ParseResult, CancellationToken, Task<int>> run) : AsynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            var errors = parseResult.Errors.Select(e => e.Message).Concat(parseResult.UnmatchedTokens.Select(t => $"Unrecognized argument '{t}'.")).Distinct().ToList();
            if (errors.Count == 0) return await run(parseResult, cancellationToken);
            foreach (var message in errors) await parseResult.InvocationConfiguration.Error.WriteLineAsync($"sf panel compare: {message}");
            return UsageError;
        }
    }
}
