using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Insee.Data;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// <c>sf bench sirene</c>: memory and throughput of a national-size establishment stock through
/// Ingestion.Insee's own batch path (raw store, parse, ledger, change filter against PostgreSQL,
/// chunks handed to the outbox) in this process, twice: a first delivery (every row new) then a
/// re-delivery where one row in a hundred changed. Chunks are counted, not stored: the outbox table
/// and the relay are measured by <c>sf bench ingest</c>.
/// </summary>
internal static class SireneBench
{
    private const int ChangeEvery = 100;

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic establishment stock.", DefaultValueFactory = _ => 5_000_000 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server (a scratch database is created on it, then dropped).",
            DefaultValueFactory = _ => "Host=127.0.0.1;Port=5433;Username=postgres;Password=postgres",
        };
        var writeTo = new Option<FileInfo?>("--write-to")
        {
            Description = "Only write the synthetic stock (gzipped) to this file, e.g. to upload it to a running Ingestion.Insee.",
        };
        var command = new Command("sirene", "Peak memory and rows/s of a synthetic Sirene establishment stock through the Insee ingestion path.") { rows, postgres, writeTo };
        command.SetAction((r, ct) => r.GetValue(writeTo) is { } file
            ? WriteOnlyAsync(file, r.GetValue(rows))
            : RunAsync(r.GetValue(rows), r.GetValue(postgres)!, r.InvocationConfiguration.Output, ct));
        return command;
    }

    private static async Task<int> WriteOnlyAsync(FileInfo file, int rows)
    {
        await SyntheticSireneStock.WriteAsync(file.FullName, rows);
        return 0;
    }

    private static async Task<int> RunAsync(int rows, string server, TextWriter output, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), $"sf-bench-sirene-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = $"sf_bench_sirene_{Guid.NewGuid():N}"[..40] }.ConnectionString;
        await using var services = BuildServices(connection, Path.Combine(work, "raw"));
        try
        {
            await output.WriteLineAsync($"machine: {MachineDescription.Describe()}; {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
            var first = Path.Combine(work, "StockEtablissement_utf8_geo.csv.gz");
            var second = Path.Combine(work, "StockEtablissement_utf8_geo-next.csv.gz");
            var generation = Stopwatch.StartNew();
            await SyntheticSireneStock.WriteAsync(first, rows);
            await SyntheticSireneStock.WriteAsync(second, rows, ChangeEvery);
            await output.WriteLineAsync($"files: 2 × {rows:N0} rows, {new FileInfo(first).Length / 1e6:F0} MB gzipped each, written in {generation.Elapsed.TotalSeconds:F0} s");

            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IngestionDbContext>().Database.MigrateAsync(ct);
            }
            await RunPassAsync(services, first, "first delivery", output, ct);
            await RunPassAsync(services, second, $"re-delivery, 1 row in {ChangeEvery} changed", output, ct);
            await output.WriteLineAsync($"peak RSS (VmHWM): {PeakResidentMegabytes():F0} MB (target < 300 MB)");
            return 0;
        }
        finally
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IngestionDbContext>().Database.EnsureDeletedAsync(CancellationToken.None);
            }
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task RunPassAsync(ServiceProvider services, string path, string label, TextWriter output, CancellationToken ct)
    {
        var outbox = services.GetRequiredService<CountingOutbox>();
        outbox.Reset();
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<IBatchIngestor>();
        StoredFile stored;
        await using (var content = File.OpenRead(path))
        {
            stored = await services.GetRequiredService<RawFileStore>().SaveAsync(content, long.MaxValue, ct);
        }
        var (accepted, _) = await ingestor.AcceptFileAsync(stored, Path.GetFileName(path), InseeFileKinds.Etablissement, ct);
        var batch = await ingestor.ProcessAsync(accepted.Id, InseeFileKinds.Etablissement, ct)
            ?? throw new InvalidOperationException("the batch vanished");
        var seconds = clock.Elapsed.TotalSeconds;
        await output.WriteLineAsync($"{label}: {batch.Status}, {batch.LinesRead:N0} lines, {batch.RecordsAccepted:N0} accepted, {batch.LinesRejected:N0} rejected, "
            + $"{outbox.Records("EstablishmentRegistered"):N0} registered + {outbox.Records("EstablishmentChanged"):N0} changed published "
            + $"in {seconds:F1} s = {batch.LinesRead / seconds:N0} rows/s; RSS now {ResidentMegabytes("VmRSS"):F0} MB");
    }

    private static ServiceProvider BuildServices(string connection, string rawRoot)
    {
        var services = new ServiceCollection();
        services.AddDbContext<IngestionDbContext>(o => o.UseServiceDatabase(connection));
        services.AddOptions<IngestionOptions>().Configure(o => o.RawFileRoot = rawRoot);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RawFileStore>();
        services.AddSingleton<CountingOutbox>();
        services.AddSingleton<Messaging.Outbox.IOutbox>(sp => sp.GetRequiredService<CountingOutbox>());
        services.AddScoped<BatchProgress<IngestionDbContext>>();
        services.AddScoped<IBatchIngestor, BatchIngestor<IngestionDbContext>>();
        return services.BuildServiceProvider();
    }

    private static double PeakResidentMegabytes() => ResidentMegabytes("VmHWM");

    /// <summary>A line of /proc/self/status in MB (the kernel's own accounting of this process).</summary>
    private static double ResidentMegabytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
