using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SignauxFaibles.Cli.Token;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// <c>sf bench features</c>: a national-size débit delivery uploaded to the running URSSAF ingestion
/// service, timed until the feature service has stored every fact and recomputed every company it
/// touched — beside a plain COPY of the same rows into PostgreSQL, in the same run. Needs the
/// system started by <c>deploy/local/run.sh up</c>.
/// </summary>
internal static class FeaturesBench
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic débit delivery (8 per company).", DefaultValueFactory = _ => 1_000_000 };
        var ingestion = new Option<string>("--ingestion") { Description = "URSSAF ingestion service.", DefaultValueFactory = _ => "http://127.0.0.1:5101" };
        var chunk = new Option<int>("--chunk-size") { Description = "Records per chunk of the URSSAF service (its Ingestion:ChunkSize).", DefaultValueFactory = _ => 4000 };
        var database = new Option<string>("--features-db") { Description = "Connection string of the feature service's database.", DefaultValueFactory = _ => "Host=127.0.0.1;Port=5433;Username=postgres;Database=sf_features" };
        var token = ApiToken.Option("Ingestion.Urssaf (client urssaf)");
        var command = new Command("features", "Upload-to-indicators throughput of a débit delivery through the running services, against a plain COPY.") { rows, ingestion, database, chunk, token };
        command.SetAction((r, ct) => RunAsync(r.GetValue(rows), r.GetValue(ingestion)!, r.GetValue(database)!, r.GetValue(chunk), r.GetValue(token), r.InvocationConfiguration.Output, ct));
        return command;
    }

    private static async Task<int> RunAsync(int rows, string ingestion, string connectionString, int chunkSize, string? token, TextWriter output, CancellationToken ct)
    {
        var seed = Environment.TickCount;
        var path = Path.Combine(Path.GetTempPath(), $"sf-bench-features-{seed}.csv");
        await SyntheticDebitFile.WriteAsync(path, rows, seed);
        await using var db = NpgsqlDataSource.Create(connectionString);
        await output.WriteLineAsync($"machine: {MachineDescription.Describe()}");
        await output.WriteLineAsync($"delivery: {rows:N0} débit rows of {rows / 8:N0} companies ({new FileInfo(path).Length / 1e6:F0} MB, synthetic, new content each run)");

        var copy = await PlainCopyAsync(db, path, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"plain COPY of the rows into PostgreSQL: {copy.TotalSeconds:F1} s = {rows / copy.TotalSeconds:N0} rows/s"));

        const string ChunksConsumed = "SELECT count(*) FROM messaging.inbox_messages WHERE consumer LIKE '%ContributionDebtRecorded%'";
        var chunksBefore = await ScalarAsync(db, ChunksConsumed, ct);
        using var http = new HttpClient { BaseAddress = new Uri(ingestion), Timeout = TimeSpan.FromHours(1) }.Authorize(token);
        var clock = Stopwatch.StartNew();
        string batch;
        await using (var file = File.OpenRead(path))
        {
            var response = await http.PostAsync($"/api/files/urssaf-debit?fileName={Path.GetFileName(path)}", new StreamContent(file), ct);
            response.EnsureSuccessStatusCode();
            batch = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        }
        var uploaded = clock.Elapsed;
        // Facts are stored when the feature service has consumed every chunk the batch published;
        // indicators are stored when, after that, no company waits for recomputation.
        TimeSpan? stored = null;
        while (true)
        {
            if (stored is null)
            {
                var state = await http.GetFromJsonAsync<JsonElement>($"/api/batches/{batch}", ct);
                if (state.GetProperty("status").GetString() == "Completed")
                {
                    var chunks = (state.GetProperty("recordsPublished").GetInt64() + chunkSize - 1) / chunkSize;
                    if (await ScalarAsync(db, ChunksConsumed, ct) - chunksBefore >= chunks) stored = clock.Elapsed;
                }
            }
            if (stored is not null && await ScalarAsync(db, "SELECT count(*) FROM dirty_companies", ct) == 0) break;
            await Task.Delay(100, ct);
        }
        var total = clock.Elapsed;
        File.Delete(path);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"through the services: uploaded in {uploaded.TotalSeconds:F1} s, facts stored at {stored.Value.TotalSeconds:F1} s, indicators stored at {total.TotalSeconds:F1} s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"end to end: {rows / total.TotalSeconds:N0} source records/s (target 100,000); facts only: {rows / stored.Value.TotalSeconds:N0} records/s; "
            + $"end-to-end time / plain COPY time = {total.TotalSeconds / copy.TotalSeconds:F1}"));
        return 0;
    }

    /// <summary>The baseline: the file's rows as text into an unlogged scratch table, with nothing else.</summary>
    private static async Task<TimeSpan> PlainCopyAsync(NpgsqlDataSource db, string path, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS bench_plain_copy; CREATE UNLOGGED TABLE bench_plain_copy (line text)", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync("COPY bench_plain_copy (line) FROM STDIN (FORMAT text)", ct))
        {
            using var reader = new StreamReader(path);
            await reader.ReadLineAsync(ct);
            while (await reader.ReadLineAsync(ct) is { } line) await writer.WriteLineAsync(line.Replace("\\", "\\\\", StringComparison.Ordinal));
        }
        var elapsed = clock.Elapsed;
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_plain_copy", connection)) await drop.ExecuteNonQueryAsync(ct);
        return elapsed;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
