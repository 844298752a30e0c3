using SignauxFaibles.Cli.Panel;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// The live panel of the delivered companies, cell by cell against <c>sf panel build</c> of the same
/// files: the offline build over the input, the live feature store dumped for the same companies and
/// months (<c>sf panel dump</c>'s code), then <c>sf panel compare</c>'s. Companies the stack held
/// before the campaign are left out, so the campaign can run on a stack already in use. The same
/// offline build is the reference of the scores (<see cref="ScoreCheck"/>) and of the alerts (<see cref="AlertCheck"/>).
/// </summary>
internal sealed class PanelCheck(string postgresServer, TextWriter log, ScoreCheck scores, AlertCheck alerts)
{
    private static readonly YearMonth From = YearMonth.Parse("2016-01");

    public async Task<List<string>> RunAsync(DirectoryInfo input, DateTimeOffset since, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("sf-chaos-panel-");
        try
        {
            var probe = new ServiceDatabaseProbe(postgresServer, StatusCollector.DefaultDatabasePrefix);
            // A stack holding later files too is as of a later month than these files alone: the
            // reference is these files' companies as of that month (found by the long campaign).
            YearMonth? asOf;
            await using (var connection = await probe.OpenAsync("sf_features", ct))
            await using (var command = new Npgsql.NpgsqlCommand("SELECT value FROM panel_state WHERE name = 'as_of'", connection))
                asOf = await command.ExecuteScalarAsync(ct) is string text && YearMonth.TryParse(text, out var month) ? month : null;
            var offline = Path.Combine(work.FullName, "offline");
            var built = await OfflinePanelBuilder.BuildAsync(input, offline, new PanelSettings { From = From, To = ScorableMonth.LastComplete(DateTimeOffset.UtcNow) }, log, ct, asOf: asOf);
            var companies = Sirens(offline + ".csv");

            var live = Path.Combine(work.FullName, "live");
            await using (var connection = await probe.OpenAsync("sf_features", ct))
            await using (var store = new StoredPanelReader(connection))
            await using (var files = await PanelFiles.CreateAsync(live, PanelSchema.Company, ct))
            {
                await foreach (var (siren, series) in store.CompaniesAsync(ct))
                {
                    if (companies.Contains(siren.Value)) await files.WriteAsync(StoredPanelRows.ToPanel(siren, series, From, built.To), ct);
                }
            }

            var differences = new List<string>();
            foreach (var suffix in new[] { ".csv", "_etablissements.csv" })
            {
                using var a = new StreamReader(live + suffix);
                using var b = new StreamReader(offline + suffix);
                var report = new StringWriter();
                var result = PanelCsvComparer.Compare(a, b, report, maxDifferences: 20);
                await log.WriteLineAsync($"panel{suffix}: {result.RowsCompared:N0} rows and {result.CellsCompared:N0} cells compared, {result.Differences} difference(s) (live vs sf panel build)");
                if (result.Differences > 0) differences.Add($"panel{suffix}: live differs from sf panel build in {result.Differences} place(s):{Environment.NewLine}{report}");
            }
            differences.AddRange(await scores.RunAsync(offline + ".csv", built.To, companies, ct));
            differences.AddRange(await alerts.RunAsync(companies, since, ct));
            return differences;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static HashSet<string> Sirens(string companyCsv)
    {
        using var reader = new StreamReader(companyCsv);
        var column = Array.IndexOf(reader.ReadLine()?.Split(',') ?? [], "siren");
        if (column < 0) throw new InvalidDataException($"{companyCsv} has no siren column");
        var sirens = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) sirens.Add(line.Split(',', column + 2)[column]);
        return sirens;
    }
}
