using System.CommandLine;
using System.Globalization;
using SignauxFaibles.Cli.Synth;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Cli.Panel;

/// <summary>
/// <c>sf panel build --input DIR --out FILE [--from yyyy-MM] [--to yyyy-MM] [--labels]</c>: the
/// whole company panel from a folder of source files, as CSV and Parquet. Also <c>sf panel dump</c>
/// (the live service's stored panel, written alike) and <c>sf panel compare</c> (two panel CSVs, cell by cell).
/// </summary>
internal static class PanelCommand
{
    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--input") { Description = "Folder of delivered source files (e.g. sf synth output), read recursively.", Required = true };
        var output = new Option<string>("--out") { Description = "Output file: BASE.csv and BASE.parquet get the company rows, BASE_etablissements.* the establishments'.", Required = true };
        var from = new Option<string>("--from") { Description = "First month with rows, yyyy-MM.", DefaultValueFactory = _ => "2016-01" };
        var to = new Option<string?>("--to") { Description = "Last month at most (the panel is as of its end), yyyy-MM; the panel stops earlier at the latest month whose URSSAF contributions the files hold. Default: the last complete month." };
        var asKnown = new Option<string?>("--as-known")
        {
            Description = "Build the panel as known at the end of that day, yyyy-MM-dd: facts the platform would not have had yet (their delivery or the source's documented delay) "
                + "are left out, and the last month is the latest scorable one then. Default: every fact of the files.",
        };
        var vintage = new Option<bool>("--vintage")
        {
            Description = "Training rows as the service saw them: each month's row from the facts known on the day that month became scorable (the 15th of the month after), "
                + "every fact dated by its source's documented delay; the outcome still from every fact.",
        };
        var labels = new Option<bool>("--labels") { Description = "Add the training label: outcome = a collective proceeding opens within 18 months." };
        var build = new Command("build", "Compute the company panel from source files with the feature service's own code.") { input, output, from, to, asKnown, vintage, labels };
        build.SetAction(async (r, ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            if (!YearMonth.TryParse(r.GetValue(from), out var first) || (r.GetValue(to) is { } t && !YearMonth.TryParse(t, out _)))
            {
                await error.WriteLineAsync("sf panel: --from and --to are months written yyyy-MM.");
                return 1;
            }
            DateOnly? knownBy = null;
            if (r.GetValue(asKnown) is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await error.WriteLineAsync("sf panel: --as-known is a day written yyyy-MM-dd.");
                    return 1;
                }
                knownBy = parsed;
            }
            var now = knownBy is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero) : DateTimeOffset.UtcNow;
            var last = r.GetValue(to) is { } text ? YearMonth.Parse(text) : ScorableMonth.LastComplete(now);
            var directory = r.GetValue(input)!;
            if (!directory.Exists || last < first)
            {
                await error.WriteLineAsync(directory.Exists ? "sf panel: --to is before --from." : $"sf panel: no such folder '{directory.FullName}'.");
                return 1;
            }
            var settings = new PanelSettings { From = first, To = last, IncludeOutcome = r.GetValue(labels) };
            var result = await OfflinePanelBuilder.BuildAsync(directory, r.GetValue(output)!, settings, error, ct, knownBy, r.GetValue(vintage));
            var basePath = PanelFiles.BasePath(r.GetValue(output)!);
            await r.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"sf panel build: {result.Files} files, {result.Records:N0} records ({result.Rejects:N0} rejected lines, {result.Unresolved:N0} URSSAF records with an account not in the map), "
                + $"{result.Facts:N0} facts{(r.GetValue(vintage) ? " (vintage rows: each month as known when it became scorable)" : "")}{(knownBy is { } k ? $" known at {k:yyyy-MM-dd} ({result.NotYetKnown:N0} not yet)" : "")}, {result.Companies:N0} companies → {result.CompanyRows:N0} company rows and {result.EstablishmentRows:N0} establishment rows "
                + $"({first}..{result.To}, the latest scorable month) in {basePath}.csv/.parquet and {basePath}_etablissements.csv/.parquet; "
                + $"read {result.ReadTime.TotalSeconds:F1} s, computed and written {result.ComputeAndWriteTime.TotalSeconds:F1} s, peak memory {PeakMemory.Describe()}"));
            return 0;
        });
        return new Command("panel", "The company panel (indicators per company and month).") { build, PanelDumpCommand.Create(), PanelCompareCommand.Create() };
    }
}
