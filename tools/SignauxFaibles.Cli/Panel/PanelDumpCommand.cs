using System.CommandLine;
using System.Globalization;
using Npgsql;
using SignauxFaibles.Cli.Ops;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Panel;

/// <summary>
/// <c>sf panel dump --out BASE [--postgres CONN] [--database sf_features] [--from yyyy-MM] [--to yyyy-MM]</c>:
/// the live feature service's stored panel, written by the offline build's writer in the build's
/// row order, so it can be compared line for line (or with <c>sf panel compare</c>) with
/// <c>sf panel build</c> run on the same files.
/// </summary>
internal static class PanelDumpCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Output file: BASE.csv and BASE.parquet get the company rows, BASE_etablissements.* the establishments', as sf panel build writes them.", Required = true };
        var database = new Option<string>("--database") { Description = "The feature service's database.", DefaultValueFactory = _ => "sf_features" };
        var from = new Option<string?>("--from") { Description = "First month written, yyyy-MM. Default: every stored month." };
        var to = new Option<string?>("--to") { Description = "Last month written, yyyy-MM. Default: every stored month (the panel is as of its last)." };
        var dump = new Command("dump", "Write the live feature service's stored panel as sf panel build writes a panel (CSV + Parquet), read from its database.")
        {
            output, database, from, to, OpsConnection.Postgres,
        };
        dump.SetAction(async (r, ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            YearMonth? first = null, last = null;
            if ((r.GetValue(from) is { } f && !TryMonth(f, out first)) || (r.GetValue(to) is { } t && !TryMonth(t, out last)))
            {
                await error.WriteLineAsync("sf panel dump: --from and --to are months written yyyy-MM.");
                return 1;
            }
            if (last < first)
            {
                await error.WriteLineAsync("sf panel dump: --to is before --from.");
                return 1;
            }
            try
            {
                // Found as sf ops finds the services' databases: --postgres, else $SF_POSTGRES, else the local scripts' server.
                var probe = new ServiceDatabaseProbe(OpsConnection.PostgresServer(r), StatusCollector.DefaultDatabasePrefix);
                await using var connection = await probe.OpenAsync(r.GetValue(database)!, ct);
                await using var store = new StoredPanelReader(connection);
                var state = await store.StateAsync(ct);
                if (state.Pending > 0)
                {
                    await error.WriteLineAsync($"sf panel dump: warning: {state.Pending} companies are marked for recomputation, the stored panel is not settled yet.");
                }
                long companies = 0;
                await using (var files = await PanelFiles.CreateAsync(r.GetValue(output)!, PanelSchema.Company, ct))
                {
                    await foreach (var (siren, series) in store.CompaniesAsync(ct))
                    {
                        await files.WriteAsync(StoredPanelRows.ToPanel(siren, series, first, last), ct);
                        companies++;
                    }
                    var basePath = PanelFiles.BasePath(r.GetValue(output)!);
                    await r.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"sf panel dump: {companies:N0} companies → {files.CompanyRows:N0} company rows and {files.EstablishmentRows:N0} establishment rows "
                        + $"(panel as of {state.AsOf ?? "never computed"}, contributions through {state.ContributionsThrough ?? "none"}) "
                        + $"in {basePath}.csv/.parquet and {basePath}_etablissements.csv/.parquet"));
                }
                return 0;
            }
            // Server unreachable, database or table missing, series that do not decode: one line, exit 1, no stack trace.
            catch (Exception ex) when (ex is NpgsqlException or InvalidDataException or InvalidOperationException or ArgumentException or IOException)
            {
                await error.WriteLineAsync($"sf panel dump: {ex.Message}");
                return 1;
            }
        });
        return dump;
    }

    private static bool TryMonth(string text, out YearMonth? month)
    {
        month = YearMonth.TryParse(text, out var parsed) ? parsed : null;
        return month is not null;
    }
}
